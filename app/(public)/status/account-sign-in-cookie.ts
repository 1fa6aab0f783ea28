import { env } from '@/lib/env';
import { type DisplayLocale, isDisplayLocale } from '@/lib/universal/i18n/locales';

/**
 * The cookie that ties a requester's account sign-in to the browser that started it: a random key,
 * only its hash on the server (lib/verification/start-account-sign-in.ts). Lax, so it comes back
 * with the identity provider's redirect (a top-level GET); scoped to /status, where the sign-in
 * starts and ends; gone after SIGN_IN_MINUTES. After a `~`, the language the requester chose on the
 * status page, if they chose one, so that the page they come back to still speaks it (a language
 * code, nothing personal; the provider never sees it).
 */
export const SIGN_IN_COOKIE = 'requester_sign_in';

function cookieValue(request: Request): string | null {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SIGN_IN_COOKIE) return value.join('=') || null;
  }
  return null;
}

/** The browser's key, as start-account-sign-in.ts checks it. */
export function readSignInCookie(request: Request): string | null {
  return cookieValue(request)?.split('~')[0] || null;
}

/** The language chosen on the status page when the sign-in started, if any. */
export function readSignInLang(request: Request): DisplayLocale | undefined {
  const lang = cookieValue(request)?.split('~')[1];
  return isDisplayLocale(lang) ? lang : undefined;
}

export function signInCookie(key: string, minutes: number, lang?: DisplayLocale): string {
  const secure = env().APP_URL.startsWith('https://') ? '; Secure' : '';
  const value = lang ? `${key}~${lang}` : key;
  return `${SIGN_IN_COOKIE}=${value}; Path=/status; Max-Age=${minutes * 60}; HttpOnly; SameSite=Lax${secure}`;
}
