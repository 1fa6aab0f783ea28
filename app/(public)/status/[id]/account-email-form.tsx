import { ErrorSummaryView } from '@/app/components/error-summary-view';
import type { Translator } from '@/lib/universal/i18n/translator';
import { type NoticeKey, noticeError, noticeMessage } from '../../notices';
import type { DisplayLocale } from '@/lib/universal/i18n/locales';
import { StatusFormFields } from './status-form-fields';

/**
 * The other account email the requester named: a claim until they prove it. The address is shown
 * masked only (whoever holds this page's link sees no more than that), and the link goes to it.
 */
export function AccountEmailForm({
  t,
  requestId,
  token,
  lang,
  masked,
  notice,
}: {
  t: Translator;
  requestId: string;
  token: string;
  /** The language chosen on the status page, kept across the post. */
  lang?: DisplayLocale;
  masked: string;
  notice?: NoticeKey;
}) {
  const error = noticeError(t, notice);
  return (
    <form action={`/status/${requestId}/account-email`} method="post" noValidate aria-labelledby="account-email-title">
      <h2 id="account-email-title">{t('status.accountEmailForm.title')}</h2>
      <ErrorSummaryView title={t('form.errorSummary')} errors={error ? [{ message: error }] : []} />
      {notice === 'account-link-sent' ? (
        <div className="notice notice--success" role="status">
          <p>{noticeMessage(t, 'account-link-sent')}</p>
        </div>
      ) : (
        <p>{t('status.accountEmailForm.explanation', { masked })}</p>
      )}
      <StatusFormFields token={token} lang={lang} />
      <button type="submit" className="button button--secondary">
        {t('status.accountEmailForm.button', { masked })}
      </button>
    </form>
  );
}
