/**
 * What every page says about the site, whether Next.js renders it (app/layout.tsx) or a route handler
 * serves it as static HTML (app/components/static-page.tsx). The words are in the catalogs
 * (`chrome.siteName`, `chrome.description`); the workspace keeps them in English.
 */
import type { Translator } from '@/lib/universal/i18n/translator';

/** A page's <title>: its own words, then the site's. */
export const pageTitle = (t: Translator, title: string) => t('chrome.pageTitle', { title, site: t('chrome.siteName') });

/**
 * The site's stylesheet (public/styles/portal.css): one plain file for the pages Next.js renders and
 * for the pages served as static HTML (the status page), so both look the same. The workspace adds
 * app/(staff)/admin/admin.css, whose rules are all scoped under `.admin`.
 */
export const STYLESHEET = '/styles/portal.css';
