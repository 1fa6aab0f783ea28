import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csrfCookieName, csrfTokenFromCookie, newCsrfCookie, refreshedCsrfCookie } from './csrf-token';

const SECRET = 'a-test-secret-a-test-secret-a-test-secret';

// next-auth's own check, from the file its package does not export.
type NextAuthCsrf = (options: {
  options: { secret: string };
  cookieValue?: string;
  isPost: boolean;
  bodyValue?: string;
}) => { csrfTokenVerified?: boolean; csrfToken: string };
const require = createRequire(import.meta.url);
const nextAuthRoot = path.dirname(require.resolve('next-auth'));
const { createCSRFToken } = require(path.join(nextAuthRoot, 'core/lib/csrf-token.js')) as {
  createCSRFToken: NextAuthCsrf;
};

describe('the sign-in form CSRF token', () => {
  it('is one next-auth accepts from its cookie in a form post', () => {
    const { token, value } = newCsrfCookie(SECRET);
    expect(
      createCSRFToken({ options: { secret: SECRET }, cookieValue: value, isPost: true, bodyValue: token }),
    ).toEqual({ csrfTokenVerified: true, csrfToken: token });
    expect(
      createCSRFToken({ options: { secret: SECRET }, cookieValue: value, isPost: true, bodyValue: 'another' })
        .csrfTokenVerified,
    ).toBe(false);
  });

  it('is read back only from a cookie this secret signed', () => {
    const { token, value } = newCsrfCookie(SECRET);
    expect(csrfTokenFromCookie(value, SECRET)).toBe(token);
    expect(csrfTokenFromCookie(value, `${SECRET}-rotated`)).toBeNull();
    expect(csrfTokenFromCookie(`${token}|${'0'.repeat(64)}`, SECRET)).toBeNull();
    expect(csrfTokenFromCookie(token, SECRET)).toBeNull();
    expect(csrfTokenFromCookie(undefined, SECRET)).toBeNull();
    // And one next-auth made itself.
    const theirs = createCSRFToken({ options: { secret: SECRET }, isPost: false }) as {
      csrfToken: string;
      cookie: string;
    };
    expect(csrfTokenFromCookie(theirs.cookie, SECRET)).toBe(theirs.csrfToken);
  });

  it('is signed again under the current secret when a previous one signed it (docs/decisions/022)', () => {
    const OLD = `${SECRET}-old`;
    const old = newCsrfCookie(OLD);
    const resigned = refreshedCsrfCookie(old.value, [SECRET, OLD], { issue: false })!;
    expect(resigned.token).toBe(old.token);
    expect(
      createCSRFToken({ options: { secret: SECRET }, cookieValue: resigned.value, isPost: true, bodyValue: old.token })
        .csrfTokenVerified,
    ).toBe(true);
    // Current already: left alone. Unknown secret: a fresh one only where the page issues cookies.
    const current = newCsrfCookie(SECRET);
    expect(refreshedCsrfCookie(current.value, [SECRET, OLD], { issue: true })).toBeNull();
    expect(refreshedCsrfCookie(old.value, [SECRET], { issue: false })).toBeNull();
    const fresh = refreshedCsrfCookie(old.value, [SECRET], { issue: true })!;
    expect(fresh.token).not.toBe(old.token);
    expect(csrfTokenFromCookie(fresh.value, SECRET)).toBe(fresh.token);
  });

  it('lives in the cookie next-auth reads', () => {
    expect(csrfCookieName(false)).toBe('next-auth.csrf-token');
    expect(csrfCookieName(true)).toBe('__Host-next-auth.csrf-token');
  });
});
