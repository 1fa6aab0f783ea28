import { ErrorSummaryView } from '@/app/components/error-summary-view';
import type { Translator } from '@/lib/universal/i18n/translator';
import { type NoticeKey, noticeError, noticeMessage } from '../../notices';

/**
 * The other account email the requester named: a claim until they prove it. The address is shown
 * masked only (whoever holds this page's link sees no more than that), and the link goes to it.
 */
export function AccountEmailForm({
  t,
  requestId,
  token,
  masked,
  notice,
}: {
  t: Translator;
  requestId: string;
  token: string;
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
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="button button--secondary">
        {t('status.accountEmailForm.button', { masked })}
      </button>
    </form>
  );
}
