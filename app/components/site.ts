/**
 * What every page says about the site, whether Next.js renders it (app/layout.tsx) or a route handler
 * serves it as static HTML (app/components/static-page.tsx).
 */
export const SITE_NAME = 'Privacy requests';

export const SITE_DESCRIPTION =
  'Ask for a copy of your data, correct, delete, export or restrict it, object to its use, unsubscribe, or opt out.';

/** A page's <title>: its own words, then the site's. */
export const pageTitle = (title: string) => `${title} · ${SITE_NAME}`;

/**
 * The site's stylesheet (public/styles/portal.css): one plain file for the pages Next.js renders and
 * for the pages served as static HTML (the status page), so both look the same. The workspace adds
 * app/(staff)/admin/admin.css, whose rules are all scoped under `.admin`.
 */
export const STYLESHEET = '/styles/portal.css';
