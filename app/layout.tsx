import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { env } from '@/lib/env';
import { hasGpcHeader } from '@/lib/opt-outs/gpc';
import { translatorFor } from '@/lib/i18n/catalogs';
import { currentPageLocale } from './components/page-locale';
import { SiteChrome } from './components/site-chrome';
import { STYLESHEET } from './components/site';

/** The site's name and description in the page's language (proxy.ts chose it; the workspace is English). */
export async function generateMetadata(): Promise<Metadata> {
  const t = translatorFor((await currentPageLocale()).locale);
  return {
    title: {
      default: t('chrome.siteName'),
      template: t('chrome.pageTitle', { title: '%s', site: t('chrome.siteName') }),
    },
    description: t('chrome.description'),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The company name and contact details are runtime configuration, not build-time constants.
  await connection();
  const { COMPANY_NAME, PRIVACY_CONTACT_EMAIL, PRIVACY_POLICY_URL } = env();
  const gpc = hasGpcHeader(await headers());
  const { locale, path } = await currentPageLocale();
  const staff = path.startsWith('/admin');
  return (
    <html lang={locale}>
      <body>
        {/* React puts it in <head>. A plain file, so the pages rendered without React's runtime link the same one. */}
        <link rel="stylesheet" href={STYLESHEET} precedence="default" />
        <SiteChrome
          companyName={COMPANY_NAME}
          contactEmail={PRIVACY_CONTACT_EMAIL}
          policyUrl={PRIVACY_POLICY_URL}
          gpc={gpc}
          t={translatorFor(locale)}
          path={staff ? undefined : path}
        >
          {children}
        </SiteChrome>
      </body>
    </html>
  );
}
