'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/app/components/error-summary';
import { SubmitButton } from '@/app/components/submit-button';
import { emailDownloadLink, type DownloadLinkState } from './download-actions';

export type PackageView = { status: 'building' | 'ready' | 'failed' | 'deleted' | 'expired'; expiresOn: string | null; sizeLabel: string | null };

/** The data package on the status page: being prepared, ready (ask for a one-time link), or gone. */
export function PackageSection({ requestId, token, pkg, contactEmail }: { requestId: string; token: string; pkg: PackageView; contactEmail: string }) {
  const [state, formAction] = useActionState(emailDownloadLink, {} as DownloadLinkState);
  return (
    <section aria-labelledby="package-title">
      <h2 id="package-title">Your data</h2>
      {pkg.status === 'building' && <p>We are preparing the copy of your data. Come back to this page in a little while.</p>}
      {pkg.status === 'failed' && <p>We could not prepare the copy of your data automatically. Our team has been told and will contact you.</p>}
      {(pkg.status === 'expired' || pkg.status === 'deleted') && (
        <p>
          The download period for the copy of your data has ended and we have deleted it. To get your data again, make a new request or write to{' '}
          <a href={`mailto:${contactEmail}`}>{contactEmail}</a>.
        </p>
      )}
      {pkg.status === 'ready' && (
        <form action={formAction} noValidate>
          <ErrorSummary errors={state.error ? [{ message: state.error }] : []} focusKey={state} />
          {state.sent ? (
            <div className="notice notice--success" role="status">
              <p>We have emailed you a one-time download link. It works once, for the next hour.</p>
            </div>
          ) : (
            <p>
              The copy of your data{pkg.sizeLabel ? ` (${pkg.sizeLabel})` : ''} is ready and can be downloaded until {pkg.expiresOn}. To make sure it is really you, we
              send a one-time download link to your email address.
            </p>
          )}
          <input type="hidden" name="requestId" value={requestId} />
          <input type="hidden" name="token" value={token} />
          <SubmitButton pendingLabel="Sending…">Email me a download link</SubmitButton>
        </form>
      )}
    </section>
  );
}
