import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { env } from '@/lib/env';
import { hasGpcHeader } from '@/lib/opt-outs/gpc';
import { SiteChrome } from './components/site-chrome';
import { SITE_DESCRIPTION, SITE_NAME, STYLESHEET } from './components/site';

export const metadata: Metadata = {
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The company name and contact details are runtime configuration, not build-time constants.
  await connection();
  const { COMPANY_NAME, PRIVACY_CONTACT_EMAIL, PRIVACY_POLICY_URL } = env();
  const gpc = hasGpcHeader(await headers());
  return (
    <html lang="en">
      <body>
        {/* React puts it in <head>. A plain file, so the pages rendered without React's runtime link the same one. */}
        <link rel="stylesheet" href={STYLESHEET} precedence="default" />
        <SiteChrome
          companyName={COMPANY_NAME}
          contactEmail={PRIVACY_CONTACT_EMAIL}
          policyUrl={PRIVACY_POLICY_URL}
          gpc={gpc}
        >
          {children}
        </SiteChrome>
      </body>
    </html>
  );
}
