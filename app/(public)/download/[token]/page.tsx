import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeading } from '@/app/components/page-heading';
import { currentPageLocale } from '@/app/components/page-locale';
import { env } from '@/lib/env';
import { inspectDownloadGrant } from '@/lib/fulfilment/package/download-package';
import { withheldPhrase } from '@/lib/fulfilment/redaction/reasons';
import { sayIn } from '@/lib/i18n/say-phrases';
import { translatorFor } from '@/lib/i18n/catalogs';

export async function generateMetadata(): Promise<Metadata> {
  const t = translatorFor((await currentPageLocale()).locale);
  return { title: t('download.title'), robots: { index: false } };
}

/**
 * The one-time link's page. Opening it uses nothing (mail scanners open links too): only the
 * button downloads, once. An expired or used link says plainly how to ask again. The emailed link
 * carries the request's language (`lang`).
 */
export default async function DownloadPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = translatorFor((await currentPageLocale()).locale);
  const grant = await inspectDownloadGrant(token);
  const contact = env().PRIVACY_CONTACT_EMAIL;
  if (grant.state === 'ready') {
    return (
      <>
        <PageHeading>{t('download.title')}</PageHeading>
        <p>{t('download.ready', { reference: grant.reference, sizeKb: Math.max(1, Math.round(grant.size / 1024)) })}</p>
        {grant.withheld.length > 0 && (
          <ul data-testid="package-withheld">
            {grant.withheld.map((w) => (
              <li key={w.reason}>{sayIn(t.locale, withheldPhrase(w.count, w.reason))}.</li>
            ))}
          </ul>
        )}
        <p>{t('download.once')}</p>
        <form method="post" action={`/download/${token}/file`}>
          <button type="submit" className="button">
            {t('download.button')}
          </button>
        </form>
      </>
    );
  }
  return (
    <>
      <PageHeading>{t(`download.state.${grant.state}`)}</PageHeading>
      {grant.state === 'package_expired' ? (
        <p>
          {t.rich('status.package.gone', {
            email: contact,
            link: (chunks) => <a href={`mailto:${contact}`}>{chunks}</a>,
          })}
        </p>
      ) : (
        <p>{t(grant.statusUrl ? 'download.again.statusPage' : 'download.again.newestLink')}</p>
      )}
      {grant.statusUrl && (
        <p>
          <Link href={grant.statusUrl}>{t('download.goToRequest')}</Link>
        </p>
      )}
      <p>
        <Link href="/">{t('invalidLink.newRequest')}</Link>
      </p>
    </>
  );
}
