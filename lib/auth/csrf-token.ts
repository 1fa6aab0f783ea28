import { createHash, randomBytes } from 'node:crypto';

/**
 * next-auth v4's CSRF token, for forms that post to /api/auth/* without client JavaScript. next-auth
 * checks a double submit: the form's `csrfToken` must equal the token in its cookie, which holds
 * `<token>|sha256(<token><secret>)`. next-auth sets that cookie only on its own routes, so the
 * sign-in page gets it from proxy.ts. The format is next-auth's (core/lib/csrf-token.js, not
 * exported); tests/e2e/staff-sign-in-no-js.spec.ts fails if the two ever disagree.
 */
export function csrfCookieName(secure: boolean): string {
  return `${secure ? '__Host-' : ''}next-auth.csrf-token`;
}

const tokenHash = (token: string, secret: string) => createHash('sha256').update(`${token}${secret}`).digest('hex');

/** The token in a cookie value that this secret signed, or null. */
export function csrfTokenFromCookie(value: string | undefined, secret: string): string | null {
  const [token, hash] = value?.split('|') ?? [];
  return token && hash === tokenHash(token, secret) ? token : null;
}

export function newCsrfCookie(secret: string): { token: string; value: string } {
  const token = randomBytes(32).toString('hex');
  return { token, value: `${token}|${tokenHash(token, secret)}` };
}

/**
 * The cookie to put in place of `value`, given APP_SECRET then APP_SECRET_PREVIOUS: null when the
 * current secret signed it (nothing to change); its own token signed under the current secret when a
 * previous one signed it, so a form served before a rotation still posts (docs/decisions/022); a
 * fresh cookie otherwise when `issue`, else null (next-auth refuses the post and makes its own).
 */
export function refreshedCsrfCookie(
  value: string | undefined,
  secrets: readonly string[],
  options: { issue: boolean },
): { token: string; value: string } | null {
  const [current, ...previous] = secrets;
  if (csrfTokenFromCookie(value, current)) return null;
  for (const secret of previous) {
    const token = csrfTokenFromCookie(value, secret);
    if (token) return { token, value: `${token}|${tokenHash(token, current)}` };
  }
  return options.issue ? newCsrfCookie(current) : null;
}
