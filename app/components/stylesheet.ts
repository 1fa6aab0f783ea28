/**
 * The site's stylesheet (public/styles/portal.css): one plain file for the pages Next.js renders and
 * for the pages served as static HTML (the status page), so both look the same. The workspace adds
 * app/(staff)/admin/admin.css, whose rules are all scoped under `.admin`.
 */
export const STYLESHEET = '/styles/portal.css';
