import { ErrorSummaryView } from '@/app/components/error-summary-view';
import { FieldError } from '@/app/components/field-error';
import { fieldMarks, TextField } from '@/app/components/form-fields';
import type { Translator } from '@/lib/universal/i18n/translator';
import { type NoticeKey, noticeError } from '../../notices';
import type { DisplayLocale } from '@/lib/universal/i18n/locales';
import { StatusFormFields } from './status-form-fields';

/**
 * The signed declaration under penalty of perjury (11 CCR §7062(c)), shown only where a rule needs
 * a reasonably high degree of certainty. The typed name is compared with the request's and not kept.
 * The declaration is shown in the page's language: each catalog words the same oath under California
 * law (`proof.declaration.text`; the English is `DECLARATION_TEXT` in lib/verification/sign-declaration).
 */
export function DeclarationForm({
  t,
  requestId,
  token,
  lang,
  notice,
}: {
  t: Translator;
  requestId: string;
  token: string;
  /** The language chosen on the status page, kept across the post. */
  lang?: DisplayLocale;
  notice?: NoticeKey;
}) {
  const error = noticeError(t, notice);
  const nameError = notice === 'declaration-name' && error ? [error] : undefined;
  const boxError = notice === 'declaration-tick' && error ? [error] : undefined;
  const marks = fieldMarks(t);
  const fieldId = nameError ? 'declaration-name' : boxError ? 'declaration-declared' : undefined;
  return (
    <form action={`/status/${requestId}/declaration`} method="post" noValidate aria-labelledby="declaration-title">
      <h3 id="declaration-title">{t('proof.declaration.title')}</h3>
      <ErrorSummaryView title={t('form.errorSummary')} errors={error ? [{ message: error, fieldId }] : []} />
      <p>{t('proof.declaration.intro')}</p>
      <StatusFormFields token={token} lang={lang} />
      <TextField
        id="declaration-name"
        marks={marks}
        label={t('proof.declaration.nameLabel')}
        hint={t('proof.declaration.nameHint')}
        registration={{ name: 'fullName' }}
        autoComplete="name"
        defaultValue=""
        maxLength={200}
        required
        errors={nameError}
      />
      <div className={boxError ? 'field field--error' : 'field'}>
        <FieldError id="declaration-declared-error" messages={boxError} prefix={marks.error} />
        <div className="choice">
          <input
            id="declaration-declared"
            type="checkbox"
            name="declared"
            required
            aria-invalid={boxError ? true : undefined}
            aria-describedby={boxError ? 'declaration-declared-error' : undefined}
          />
          <label htmlFor="declaration-declared">{t('proof.declaration.text')}</label>
        </div>
      </div>
      <button type="submit" className="button">
        {t('proof.declaration.button')}
      </button>
    </form>
  );
}
