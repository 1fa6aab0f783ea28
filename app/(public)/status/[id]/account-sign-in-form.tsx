import { ErrorSummaryView } from '@/app/components/error-summary-view';
import type { Translator } from '@/lib/universal/i18n/translator';
import { type NoticeKey, noticeError } from '../../notices';

/**
 * "Sign in with your Bitstride account" (§7061: a business may verify an account holder through the
 * account's own authentication): one sign-in reaches the highest level. Posts the status token to
 * our server only; the identity provider never sees it. `name` is the operator's REQUESTER_OIDC_NAME
 * as written, or null for the catalog's "your <company> account".
 */
export function AccountSignInForm({
  t,
  requestId,
  token,
  name,
  company,
  notice,
}: {
  t: Translator;
  requestId: string;
  token: string;
  name: string | null;
  company: string;
  notice?: NoticeKey;
}) {
  const error = noticeError(t, notice);
  const provider = name ?? t('proof.signIn.defaultName', { company });
  return (
    <form
      action={`/status/${requestId}/account-sign-in`}
      method="post"
      noValidate
      aria-labelledby="account-sign-in-title"
    >
      <h3 id="account-sign-in-title">{t('proof.signIn.title', { name: provider })}</h3>
      <ErrorSummaryView title={t('form.errorSummary')} errors={error ? [{ message: error }] : []} />
      <p>{t('proof.signIn.explanation')}</p>
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="button button--secondary">
        {t('proof.signIn.button', { name: provider })}
      </button>
    </form>
  );
}
