import type { ReactNode } from 'react';
import { headers as requestHeaders } from 'next/headers';
import { env } from '@/lib/env';
import { hasGpcHeader } from '@/lib/opt-outs/gpc';
import { translatorFor } from '@/lib/i18n/catalogs';
import { type DisplayLocale, LOCALES } from '@/lib/universal/i18n/locales';
import { pathInLocale } from './language-switcher';
import { SiteChrome } from './site-chrome';
import { pageTitle, STYLESHEET } from './site';

export type StaticPageOptions = {
  /** The page's language: `<html lang>`, the chrome's words and the switcher's current entry. */
  locale: DisplayLocale;
  /** This page's path and query (proxy.ts's `x-page-path`), for the language switcher and hreflang. */
  path: string;
  /** The page's own words in its <title>; without them, the site's name alone. */
  title?: string;
  children: ReactNode;
  status?: number;
  headers?: Record<string, string>;
  /**
   * The URL holds a secret (the status page): no Referer leaves the page and search engines keep
   * out. The default, so that a page has to say its URL is harmless to go without.
   */
  secretUrl?: boolean;
  /** Module scripts of an island (scripts/build-islands.ts), with this response's CSP nonce. */
  scripts?: { sources: readonly string[]; nonce: string | null };
  /** Go on to this address at once, without script (a hand-off page: the page shows a link too). */
  refreshTo?: string;
};

/**
 * A whole page as plain HTML, for route handlers: no Next.js client runtime. For pages that need no
 * JavaScript (the status page: no script at all, where its URL holds a secret) or only a small
 * island of it (the request form: React and the form, ~80 KB instead of the ~130 KB of the App
 * Router every Next.js page that hydrates loads). Components rendered here must be server-safe: no
 * 'use client' module, no hooks (route handlers get React's server build).
 */
export async function staticPage({
  locale,
  path,
  title,
  children,
  status = 200,
  headers = {},
  secretUrl = true,
  scripts,
  refreshTo,
}: StaticPageOptions): Promise<Response> {
  // Imported on use: Next.js refuses a static import of react-dom/server in the app directory.
  const { renderToStaticMarkup } = await import('react-dom/server');
  const gpc = await gpcSignal();
  const { COMPANY_NAME, PRIVACY_CONTACT_EMAIL, PRIVACY_POLICY_URL, APP_URL } = env();
  const t = translatorFor(locale);
  const html = renderToStaticMarkup(
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title ? pageTitle(t, title) : t('chrome.siteName')}</title>
        <meta name="description" content={t('chrome.description')} />
        {/* The same page in each language, for search engines: only where the URL holds no secret. */}
        {!secretUrl &&
          LOCALES.map((l) => (
            <link key={l} rel="alternate" hrefLang={l} href={new URL(pathInLocale(path, l), APP_URL).href} />
          ))}
        {refreshTo && <meta httpEquiv="refresh" content={`0;url=${refreshTo}`} />}
        {secretUrl && (
          <>
            {/* The URL holds a token: no Referer leaves this page, and search engines keep out. */}
            <meta name="referrer" content="no-referrer" />
            <meta name="robots" content="noindex, nofollow" />
          </>
        )}
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={STYLESHEET} />
        {/*
          Modules are deferred: fetched now, run once the document is parsed. Low priority: the
          page is complete without them, so its stylesheet comes first (as async scripts are).
        */}
        {scripts?.sources.map((src) => (
          <script key={src} type="module" src={src} nonce={scripts.nonce ?? undefined} fetchPriority="low" />
        ))}
      </head>
      <body>
        <SiteChrome
          companyName={COMPANY_NAME}
          contactEmail={PRIVACY_CONTACT_EMAIL}
          policyUrl={PRIVACY_POLICY_URL}
          gpc={gpc}
          t={t}
          path={path}
        >
          <main id="main" className="page" tabIndex={-1}>
            {children}
          </main>
        </SiteChrome>
      </body>
    </html>,
  );
  return new Response(`<!DOCTYPE html>${html}`, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'private, no-store',
      vary: 'Sec-GPC',
      ...headers,
    },
  });
}

/**
 * Whether the request being answered carries Sec-GPC: 1. A handler called outside a request (an
 * integration test calling it directly) has no headers to read, and so no signal.
 */
async function gpcSignal(): Promise<boolean> {
  try {
    return hasGpcHeader(await requestHeaders());
  } catch {
    return false;
  }
}
