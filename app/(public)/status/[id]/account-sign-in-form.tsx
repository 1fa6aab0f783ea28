import { ErrorSummaryView } from '@/app/components/error-summary-view';
import { NOTICES, type NoticeKey } from '../../notices';

/**
 * "Sign in with your Bitstride account" (§7061: a business may verify an account holder through the
 * account's own authentication): one sign-in reaches the highest level. Posts the status token to
 * our server only; the identity provider never sees it.
 */
export function AccountSignInForm({
  requestId,
  token,
  name,
  notice,
}: {
  requestId: string;
  token: string;
  name: string;
  notice?: NoticeKey;
}) {
  const error = notice && NOTICES[notice].tone === 'error' ? NOTICES[notice].message : undefined;
  return (
    <form
      action={`/status/${requestId}/account-sign-in`}
      method="post"
      noValidate
      aria-labelledby="account-sign-in-title"
    >
      <h3 id="account-sign-in-title">Sign in with {name}</h3>
      <ErrorSummaryView errors={error ? [{ message: error }] : []} />
      <p>
        If you have an account with us, signing in to it is enough: it counts when your account&rsquo;s confirmed email
        address is the one of this request, or the account email you gave us. We learn only that address from the
        sign-in.
      </p>
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="button button--secondary">
        Sign in with {name}
      </button>
    </form>
  );
}
