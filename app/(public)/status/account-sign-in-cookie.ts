import { env } from '@/lib/env';

/**
 * The cookie that ties a requester's account sign-in to the browser that started it: a random key,
 * only its hash on the server (lib/verification/start-account-sign-in.ts). Lax, so it comes back
 * with the identity provider's redirect (a top-level GET); scoped to /status, where the sign-in
 * starts and ends; gone after SIGN_IN_MINUTES.
 */
export const SIGN_IN_COOKIE = 'requester_sign_in';

export function readSignInCookie(request: Request): string | null {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SIGN_IN_COOKIE) return value.join('=') || null;
  }
  return null;
}

export function signInCookie(key: string, minutes: number): string {
  const secure = env().APP_URL.startsWith('https://') ? '; Secure' : '';
  return `${SIGN_IN_COOKIE}=${key}; Path=/status; Max-Age=${minutes * 60}; HttpOnly; SameSite=Lax${secure}`;
}
