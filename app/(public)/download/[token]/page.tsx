import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeading } from '@/app/components/page-heading';
import { env } from '@/lib/env';
import { inspectDownloadGrant } from '@/lib/fulfilment/package/download-package';
import { withheldSentence } from '@/lib/fulfilment/redaction/reasons';

export const metadata: Metadata = { title: 'Download your data', robots: { index: false } };

/**
 * The one-time link's page. Opening it uses nothing (mail scanners open links too): only the
 * button downloads, once. An expired or used link says plainly how to ask again.
 */
export default async function DownloadPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const grant = await inspectDownloadGrant(token);
  const contact = env().PRIVACY_CONTACT_EMAIL;
  if (grant.state === 'ready') {
    return (
      <>
        <PageHeading>Download your data</PageHeading>
        <p>
          This is the copy of your data for request {grant.reference}: a ZIP file (
          {Math.max(1, Math.round(grant.size / 1024))} KB) with one folder per system, each data set as JSON and as CSV
          (for a spreadsheet), and a README that explains every file.
        </p>
        {grant.withheld.length > 0 && (
          <ul data-testid="package-withheld">
            {grant.withheld.map((w) => (
              <li key={w.reason}>{withheldSentence(w.count, w.reason)}.</li>
            ))}
          </ul>
        )}
        <p>This link works once. Save the file somewhere safe: it contains your personal data.</p>
        <form method="post" action={`/download/${token}/file`}>
          <button type="submit" className="button">
            Download my data (ZIP)
          </button>
        </form>
      </>
    );
  }
  const heading =
    grant.state === 'package_expired'
      ? 'The download period has ended'
      : grant.state === 'link_used'
        ? 'This link was already used'
        : grant.state === 'link_expired'
          ? 'This link has expired'
          : 'This link is not valid';
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      {grant.state === 'package_expired' ? (
        <p>
          We delete the copy of your data when its download period ends. To get your data again, make a new request, or
          write to <a href={`mailto:${contact}`}>{contact}</a>.
        </p>
      ) : (
        <p>
          Download links work once and for one hour, to make sure only you receive your data.{' '}
          {grant.statusUrl
            ? 'Open your request page and choose "Email me a download link" to get a new one.'
            : 'Use the newest link we emailed you, or ask for a new one on your request page.'}
        </p>
      )}
      {grant.statusUrl && (
        <p>
          <Link href={grant.statusUrl}>Go to your request page</Link>
        </p>
      )}
      <p>
        <Link href="/">Make a new privacy request</Link>
      </p>
    </>
  );
}
