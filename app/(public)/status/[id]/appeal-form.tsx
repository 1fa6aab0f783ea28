import { ErrorSummaryView } from '@/app/components/error-summary-view';
import { FieldError } from '@/app/components/field-error';
import type { Translator } from '@/lib/universal/i18n/translator';
import { type NoticeKey, noticeError, noticeMessage } from '../../notices';
import type { DisplayLocale } from '@/lib/universal/i18n/locales';
import { StatusFormFields } from './status-form-fields';

/**
 * A denied requester appeals, within the regime's window. Posts to a route handler (post/redirect/get),
 * like every form on a token page, so it works without JavaScript under `no-referrer`.
 */
export function AppealForm({
  t,
  requestId,
  token,
  lang,
  closesOn,
  notice,
}: {
  t: Translator;
  requestId: string;
  token: string;
  /** The language chosen on the status page, kept across the post. */
  lang?: DisplayLocale;
  /** The last day to appeal; null where the regime's rules set no limit (appealWindowDays null). */
  closesOn: string | null;
  notice?: NoticeKey;
}) {
  const error = noticeError(t, notice);
  const fieldErrors =
    notice === 'appeal-too-short' || notice === 'appeal-too-long' ? [noticeMessage(t, notice)] : undefined;
  return (
    <form action={`/status/${requestId}/appeal`} method="post" noValidate aria-labelledby="appeal-title">
      <h2 id="appeal-title">{t('status.appeal.title')}</h2>
      <ErrorSummaryView
        title={t('form.errorSummary')}
        errors={error ? [{ message: error, fieldId: fieldErrors ? 'appeal-statement' : undefined }] : []}
      />
      <p>{closesOn ? t('status.appeal.explanationUntil', { closesOn }) : t('status.appeal.explanation')}</p>
      <StatusFormFields token={token} lang={lang} />
      <div className={fieldErrors ? 'field field--error' : 'field'}>
        <label htmlFor="appeal-statement">{t('status.appeal.label')}</label>
        <FieldError id="appeal-statement-error" messages={fieldErrors} prefix={t('form.errorPrefix')} />
        <textarea
          id="appeal-statement"
          name="statement"
          rows={5}
          maxLength={5000}
          required
          aria-invalid={fieldErrors ? true : undefined}
          aria-describedby={fieldErrors ? 'appeal-statement-error' : undefined}
        />
      </div>
      <button type="submit" className="button">
        {t('status.appeal.button')}
      </button>
    </form>
  );
}
