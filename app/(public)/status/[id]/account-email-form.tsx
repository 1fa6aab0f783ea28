import { ErrorSummaryView } from '@/app/components/error-summary-view';
import { NOTICES, type NoticeKey } from '../../notices';

/**
 * The other account email the requester named: a claim until they prove it. The address is shown
 * masked only (whoever holds this page's link sees no more than that), and the link goes to it.
 */
export function AccountEmailForm({
  requestId,
  token,
  masked,
  notice,
}: {
  requestId: string;
  token: string;
  masked: string;
  notice?: NoticeKey;
}) {
  const error = notice && NOTICES[notice].tone === 'error' ? NOTICES[notice].message : undefined;
  return (
    // Not yet in the catalogs: English, and marked so.
    <form
      action={`/status/${requestId}/account-email`}
      method="post"
      noValidate
      aria-labelledby="account-email-title"
      lang="en"
    >
      <h2 id="account-email-title">Your other account email</h2>
      <ErrorSummaryView errors={error ? [{ message: error }] : []} />
      {notice === 'account-link-sent' ? (
        <div className="notice notice--success" role="status">
          <p>{NOTICES['account-link-sent'].message}</p>
        </div>
      ) : (
        <p>
          You told us your account uses another address ({masked}). We only look for, copy, change or delete data held
          under it once you prove it is yours: we email a link to that address, and you confirm from there. Until then
          we act only for the address you confirmed with this request.
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="button button--secondary">
        Email a link to {masked}
      </button>
    </form>
  );
}
