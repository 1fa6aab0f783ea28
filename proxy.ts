import { NextResponse, type NextRequest } from 'next/server';
import { csrfCookieName, refreshedCsrfCookie } from '@/lib/auth/csrf-token';
import { oauthCheckCookieNames, reencryptedCheckCookies } from '@/lib/auth/oauth-check-cookies';
import { env } from '@/lib/env';
import { chooseLocale, LOCALE_COOKIE, LOCALE_PARAM } from '@/lib/i18n/negotiate-locale';
import { switchedOffRoute } from '@/lib/http/optional-routes';
import { securityHeaders } from '@/lib/security/security-headers';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

/**
 * Every page and route handler passes here: a fresh CSP nonce per request (Next.js reads it from
 * the request's Content-Security-Policy header and puts it on its own scripts), and the security
 * headers on the response.
 *
 * Also the first layer of staff authorization: a signed-out visitor to a staff page goes to the
 * sign-in page. Every staff page, action and route checks the session and role again on the server.
 *
 * The sign-in page's forms post straight to next-auth, so they work before (or without) any script:
 * the page gets next-auth's CSRF cookie here, on the response and on the request the page reads. A
 * cookie signed under a previous APP_SECRET is signed again under the current one, here and on
 * next-auth's own routes, so a form served before a key rotation still posts.
 * The public pages' language is decided here too (lib/i18n/negotiate-locale.ts) and passed on as
 * `x-locale`, with `x-locale-source` saying whether the requester chose it.
 * Benchmark and demo routes whose setting is off answer 404 here, whatever the method.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { APP_URL, appSecrets } = env();
  // A single sign-on round trip begun before a key rotation comes back with check cookies under
  // the previous secret: encrypted again under the current one (lib/auth/oauth-check-cookies.ts).
  if (appSecrets.length > 1 && request.nextUrl.pathname.startsWith('/api/auth/callback/')) {
    const names = oauthCheckCookieNames(APP_URL.startsWith('https://'));
    const present = request.cookies.getAll().filter((cookie) => names.includes(cookie.name));
    const renewed = await reencryptedCheckCookies(
      present,
      appSecrets.map((k) => k.secret),
    );
    for (const cookie of renewed) request.cookies.set(cookie.name, cookie.value);
  }
  return respond(request);
}

function respond(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const { NODE_ENV, APP_URL, appSecrets } = env();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const headers = securityHeaders({
    pathname,
    nonce,
    development: NODE_ENV === 'development',
    hsts: NODE_ENV === 'production' && APP_URL.startsWith('https://'),
  });

  let response: NextResponse;
  const switchedOff = switchedOffRoute(pathname, env());
  if (switchedOff) {
    response = switchedOff;
  } else if (
    pathname.startsWith('/admin') &&
    !pathname.startsWith('/admin/sign-in') &&
    !SESSION_COOKIES.some((name) => request.cookies.has(name))
  ) {
    const url = request.nextUrl.clone();
    url.pathname = '/admin/sign-in';
    url.search = `?callbackUrl=${encodeURIComponent(pathname + request.nextUrl.search)}`;
    response = NextResponse.redirect(url);
  } else {
    const secure = APP_URL.startsWith('https://');
    const csrfCookie = csrfCookieName(secure);
    const signInPage = pathname === '/admin/sign-in';
    const newCsrf =
      signInPage || pathname.startsWith('/api/auth/')
        ? refreshedCsrfCookie(
            request.cookies.get(csrfCookie)?.value,
            appSecrets.map((k) => k.secret),
            { issue: signInPage },
          )
        : null;
    if (newCsrf) request.cookies.set(csrfCookie, newCsrf.value);
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']);
    // The staff workspace and the API stay in English.
    const { locale, source } = /^\/(admin|api)(\/|$)/.test(pathname)
      ? ({ locale: 'en', source: 'browser' } as const)
      : chooseLocale({
          param: request.nextUrl.searchParams.get(LOCALE_PARAM),
          cookie: request.cookies.get(LOCALE_COOKIE)?.value,
          acceptLanguage: request.headers.get('accept-language'),
        });
    requestHeaders.set('x-locale', locale);
    requestHeaders.set('x-locale-source', source);
    // The language switcher links to this page in each language (App Router layouts are not told the URL).
    requestHeaders.set('x-page-path', pathname + request.nextUrl.search);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    // A language chosen on the switcher is remembered for the next pages (a preference, no personal data).
    if (source === 'link')
      response.cookies.set(LOCALE_COOKIE, locale, { sameSite: 'lax', path: '/', secure, maxAge: 60 * 60 * 24 * 365 });
    if (newCsrf)
      response.cookies.set(csrfCookie, newCsrf.value, { httpOnly: true, sameSite: 'lax', path: '/', secure });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Everything but the build's static files, which get their headers from next.config.ts.
export const config = { matcher: ['/((?!_next/static|_next/image).*)'] };
