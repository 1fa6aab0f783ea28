/**
 * The security headers every response carries, in one place: proxy.ts sets them on everything it
 * matches (pages, route handlers), next.config.ts sets the static ones on the build's own files.
 * Pure functions of their inputs, so the unit test can read them without a server.
 */

/**
 * Pages whose URL carries a secret (verification, confirmation, status, download): no Referer ever
 * leaves them, not even to ourselves. Their forms post to route handlers, not server actions: with
 * 'no-referrer' a browser without JavaScript sends `Origin: null`, which Next.js refuses for server
 * actions, while the route handlers need no Origin (the secret in the body is the proof).
 */
export const TOKEN_PAGE = /^\/(status\/|verify(\/|$)|submitted\/|download\/)/;

export type HeaderContext = {
  pathname: string;
  nonce: string;
  /** `next dev`: React's refresh needs eval. Never in a production build. */
  development: boolean;
  /** HSTS only where the public address is https and the build is production. */
  hsts: boolean;
};

/** Pages served as plain HTML with no script (app/components/static-page.tsx): none may run there. */
export const SCRIPTLESS_PAGE = /^\/status\/[^/]+\/?$/;

/** Policy for an HTML page: scripts only with this response's nonce (and what they load). */
export function pageCsp({
  nonce,
  development,
  pathname,
}: Pick<HeaderContext, 'nonce' | 'development' | 'pathname'>): string {
  // The dev mailbox and the email templates editor show emails (inline styles) in a sandboxed srcdoc
  // frame, which inherits this policy: inline styles only, scripts still need the nonce.
  const mailbox = pathname.startsWith('/dev/') || pathname === '/admin/templates';
  const directives = [
    "default-src 'self'",
    SCRIPTLESS_PAGE.test(pathname)
      ? "script-src 'none'"
      : `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' ${mailbox || development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ];
  return directives.join('; ');
}

/** Route handlers answer JSON or files: nothing in them may run or be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
  'interest-cohort=()',
  'browsing-topics=()',
].join(', ');

export const HSTS = 'max-age=63072000; includeSubDomains';

/** The headers that do not depend on the request: also what next.config.ts puts on static files. */
export function staticSecurityHeaders(hsts: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...(hsts ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}

export function referrerPolicy(pathname: string): string {
  // Everywhere else 'same-origin': staff pages use server actions, which need Origin.
  return TOKEN_PAGE.test(pathname) ? 'no-referrer' : 'same-origin';
}

export function securityHeaders(context: HeaderContext): Record<string, string> {
  const api = context.pathname.startsWith('/api/');
  return {
    ...staticSecurityHeaders(context.hsts),
    'Content-Security-Policy': api ? API_CSP : pageCsp(context),
    'Referrer-Policy': api ? 'no-referrer' : referrerPolicy(context.pathname),
  };
}
