import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { env } from '@/lib/env';
import './globals.css';

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
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <a className="site-header__name" href="/">
              {COMPANY_NAME} <span className="site-header__section">Privacy requests</span>
            </a>
          </div>
        </header>
        {children}
        <footer className="site-footer">
          <div className="site-footer__inner">
            <p>
              Questions about your privacy? Email{' '}
              <a href={`mailto:${PRIVACY_CONTACT_EMAIL}`}>{PRIVACY_CONTACT_EMAIL}</a>.
            </p>
            <p>
              <a href={PRIVACY_POLICY_URL}>Read the {COMPANY_NAME} privacy policy</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
