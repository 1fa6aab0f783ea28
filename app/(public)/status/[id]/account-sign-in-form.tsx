import { ErrorSummaryView } from '@/app/components/error-summary-view';
import type { Translator } from '@/lib/universal/i18n/translator';
import { type NoticeKey, noticeError } from '../../notices';
import type { DisplayLocale } from '@/lib/universal/i18n/locales';
import { StatusFormFields } from './status-form-fields';

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
  lang,
  name,
  company,
  notice,
}: {
  t: Translator;
  requestId: string;
  token: string;
  /** The language chosen on the status page, kept across the post. */
  lang?: DisplayLocale;
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
      <StatusFormFields token={token} lang={lang} />
      <button type="submit" className="button button--secondary">
        {t('proof.signIn.button', { name: provider })}
      </button>
    </form>
  );
}
