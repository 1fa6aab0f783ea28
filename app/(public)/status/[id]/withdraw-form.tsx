import { ErrorSummaryView } from '@/app/components/error-summary-view';
import { FieldError } from '@/app/components/field-error';
import type { Translator } from '@/lib/universal/i18n/translator';
import { type NoticeKey, noticeError } from '../../notices';
import type { DisplayLocale } from '@/lib/universal/i18n/locales';
import { StatusFormFields } from './status-form-fields';

/** Withdrawing needs a ticked "Yes, withdraw" box, so one stray click (or keypress) cannot do it. */
export function WithdrawForm({
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
  const boxError = notice === 'confirm-withdraw' && error ? [error] : undefined;
  return (
    <form action={`/status/${requestId}/withdraw`} method="post" noValidate aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t('status.withdraw.title')}</h2>
      <ErrorSummaryView
        title={t('form.errorSummary')}
        errors={error ? [{ message: error, fieldId: boxError ? 'confirm-withdraw' : undefined }] : []}
      />
      <p>{t('status.withdraw.explanation')}</p>
      <StatusFormFields token={token} lang={lang} />
      <div className={boxError ? 'field field--error' : 'field'}>
        <FieldError id="confirm-withdraw-error" messages={boxError} prefix={t('form.errorPrefix')} />
        <div className="choice">
          <input
            id="confirm-withdraw"
            type="checkbox"
            name="confirmWithdraw"
            required
            aria-invalid={boxError ? true : undefined}
            aria-describedby={boxError ? 'confirm-withdraw-error' : undefined}
          />
          <label htmlFor="confirm-withdraw">{t('status.withdraw.confirm')}</label>
        </div>
      </div>
      <button type="submit" className="button button--warning">
        {t('status.withdraw.button')}
      </button>
    </form>
  );
}
