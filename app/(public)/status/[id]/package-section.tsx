import { ErrorSummaryView } from '@/app/components/error-summary-view';
import type { Translator } from '@/lib/universal/i18n/translator';
import { type NoticeKey, noticeError, noticeMessage } from '../../notices';
import type { DisplayLocale } from '@/lib/universal/i18n/locales';
import { StatusFormFields } from './status-form-fields';

export type PackageView = {
  status: 'awaiting_review' | 'building' | 'ready' | 'failed' | 'deleted' | 'expired';
  expiresOn: string | null;
  /** Its size in KB (at least 1), formatted by the page's language. */
  sizeKb: number | null;
  /** Sentences of what was withheld and why (counts only, GDPR Art. 15(4)); English for now. */
  withheld?: string[];
};

/** The data package on the status page: being prepared, ready (ask for a one-time link), or gone. */
export function PackageSection({
  t,
  requestId,
  token,
  lang,
  pkg,
  contactEmail,
  notice,
  awaitingProof = false,
}: {
  t: Translator;
  requestId: string;
  token: string;
  /** The language chosen on the status page, kept across the post. */
  lang?: DisplayLocale;
  pkg: PackageView;
  contactEmail: string;
  notice?: NoticeKey;
  /** The request has not reached the level its regime asks before release: no link until it does. */
  awaitingProof?: boolean;
}) {
  // A route handler, not a server action: token pages send no Referer, and browsers then send
  // `Origin: null`, which server actions refuse (see docs/security.md).
  const error = noticeError(t, notice);
  const sent = notice === 'download-link-sent';
  return (
    <section aria-labelledby="package-title">
      <h2 id="package-title">{t('status.package.title')}</h2>
      {(pkg.status === 'building' || pkg.status === 'awaiting_review') && <p>{t('status.package.building')}</p>}
      {pkg.status === 'failed' && <p>{t('status.package.failed')}</p>}
      {(pkg.status === 'expired' || pkg.status === 'deleted') && (
        <p>
          {t.rich('status.package.gone', {
            email: contactEmail,
            link: (chunks) => <a href={`mailto:${contactEmail}`}>{chunks}</a>,
          })}
        </p>
      )}
      {pkg.status === 'ready' && awaitingProof && (
        <p>{t('status.package.awaitingProof', { expiresOn: pkg.expiresOn ?? '' })}</p>
      )}
      {pkg.status === 'ready' && !awaitingProof && (
        <form action={`/status/${requestId}/download-link`} method="post" noValidate>
          <ErrorSummaryView title={t('form.errorSummary')} errors={error ? [{ message: error }] : []} />
          {sent ? (
            <div className="notice notice--success" role="status">
              <p>{noticeMessage(t, 'download-link-sent')}</p>
            </div>
          ) : (
            <p>
              {pkg.sizeKb
                ? t('status.package.readySized', { expiresOn: pkg.expiresOn ?? '', sizeKb: pkg.sizeKb })
                : t('status.package.ready', { expiresOn: pkg.expiresOn ?? '' })}
            </p>
          )}
          {pkg.withheld && pkg.withheld.length > 0 && (
            <ul data-testid="package-withheld">
              {pkg.withheld.map((sentence) => (
                <li key={sentence}>{sentence}.</li>
              ))}
            </ul>
          )}
          <StatusFormFields token={token} lang={lang} />
          <button type="submit" className="button">
            {t('status.package.button')}
          </button>
        </form>
      )}
    </section>
  );
}
