import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { env } from '@/lib/env';
import { SiteChrome } from './components/site-chrome';
import { STYLESHEET } from './components/stylesheet';

export const metadata: Metadata = {
  title: { default: 'Privacy requests', template: '%s · Privacy requests' },
  description: 'Ask for a copy of your data, correct it, delete it, export it, restrict it, or stop communications.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The company name and contact details are runtime configuration, not build-time constants.
  await connection();
  const { COMPANY_NAME, PRIVACY_CONTACT_EMAIL, PRIVACY_POLICY_URL } = env();
  return (
    <html lang="en">
      <body>
        {/* React puts it in <head>. A plain file, so the pages rendered without React's runtime link the same one. */}
        <link rel="stylesheet" href={STYLESHEET} precedence="default" />
        <SiteChrome companyName={COMPANY_NAME} contactEmail={PRIVACY_CONTACT_EMAIL} policyUrl={PRIVACY_POLICY_URL}>
          {children}
        </SiteChrome>
      </body>
    </html>
  );
}
