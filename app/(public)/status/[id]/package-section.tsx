import { ErrorSummaryView } from '@/app/components/error-summary-view';
import { NOTICES, type NoticeKey } from '../../notices';

export type PackageView = {
  status: 'awaiting_review' | 'building' | 'ready' | 'failed' | 'deleted' | 'expired';
  expiresOn: string | null;
  sizeLabel: string | null;
  /** Sentences of what was withheld and why (counts only, GDPR Art. 15(4)). */
  withheld?: string[];
};

/** The data package on the status page: being prepared, ready (ask for a one-time link), or gone. */
export function PackageSection({
  requestId,
  token,
  pkg,
  contactEmail,
  notice,
  awaitingProof = false,
}: {
  requestId: string;
  token: string;
  pkg: PackageView;
  contactEmail: string;
  notice?: NoticeKey;
  /** The request has not reached the level its regime asks before release: no link until it does. */
  awaitingProof?: boolean;
}) {
  // A route handler, not a server action: token pages send no Referer, and browsers then send
  // `Origin: null`, which server actions refuse (see docs/security.md).
  const error = notice && NOTICES[notice].tone === 'error' ? NOTICES[notice].message : undefined;
  const sent = notice === 'download-link-sent';
  return (
    <section aria-labelledby="package-title">
      <h2 id="package-title">Your data</h2>
      {(pkg.status === 'building' || pkg.status === 'awaiting_review') && (
        <p>We are preparing the copy of your data. Come back to this page in a little while.</p>
      )}
      {pkg.status === 'failed' && (
        <p>We could not prepare the copy of your data automatically. Our team has been told and will contact you.</p>
      )}
      {(pkg.status === 'expired' || pkg.status === 'deleted') && (
        <p>
          The download period for the copy of your data has ended and we have deleted it. To get your data again, make a
          new request or write to <a href={`mailto:${contactEmail}`}>{contactEmail}</a>.
        </p>
      )}
      {pkg.status === 'ready' && awaitingProof && (
        <p>
          The copy of your data is ready and kept until {pkg.expiresOn}. We can release it once you have proven who you
          are, as explained above.
        </p>
      )}
      {pkg.status === 'ready' && !awaitingProof && (
        <form action={`/status/${requestId}/download-link`} method="post" noValidate>
          <ErrorSummaryView errors={error ? [{ message: error }] : []} />
          {sent ? (
            <div className="notice notice--success" role="status">
              <p>We have emailed you a one-time download link. It works once, for the next hour.</p>
            </div>
          ) : (
            <p>
              The copy of your data{pkg.sizeLabel ? ` (${pkg.sizeLabel})` : ''} is ready and can be downloaded until{' '}
              {pkg.expiresOn}. To make sure it is really you, we send a one-time download link to your email address.
            </p>
          )}
          {pkg.withheld && pkg.withheld.length > 0 && (
            <ul data-testid="package-withheld">
              {pkg.withheld.map((sentence) => (
                <li key={sentence}>{sentence}.</li>
              ))}
            </ul>
          )}
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button">
            Email me a download link
          </button>
        </form>
      )}
    </section>
  );
}
