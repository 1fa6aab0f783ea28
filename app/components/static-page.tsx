import type { ReactNode } from 'react';
import { env } from '@/lib/env';
import { SiteChrome } from './site-chrome';
import { pageTitle, SITE_DESCRIPTION, STYLESHEET } from './site';

/**
 * A whole page as plain HTML, for route handlers: no React client runtime, no script at all. For
 * pages that need no JavaScript and whose URL holds a secret (the status page): nothing runs there,
 * and the page weighs a few kilobytes instead of the ~130 KB of scripts every hydrated page loads.
 * Components rendered here must be server-safe (no 'use client' module: it cannot render here).
 */
export async function staticPage({ title, children, status = 200 }: { title: string; children: ReactNode; status?: number }): Promise<Response> {
  // Imported on use: Next.js refuses a static import of react-dom/server in the app directory.
  const { renderToStaticMarkup } = await import('react-dom/server');
  const { COMPANY_NAME, PRIVACY_CONTACT_EMAIL, PRIVACY_POLICY_URL } = env();
  const html = renderToStaticMarkup(
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{pageTitle(title)}</title>
        <meta name="description" content={SITE_DESCRIPTION} />
        {/* The URL holds a token: no Referer leaves this page, and search engines keep out. */}
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex, nofollow" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={STYLESHEET} />
      </head>
      <body>
        <SiteChrome companyName={COMPANY_NAME} contactEmail={PRIVACY_CONTACT_EMAIL} policyUrl={PRIVACY_POLICY_URL}>
          <main id="main" className="page" tabIndex={-1}>
            {children}
          </main>
        </SiteChrome>
      </body>
    </html>,
  );
  return new Response(`<!DOCTYPE html>${html}`, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-store' },
  });
}
