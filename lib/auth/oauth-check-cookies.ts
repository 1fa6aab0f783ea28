import { decode, encode } from 'next-auth/jwt';

/**
 * next-auth's single sign-on check cookies (state, PKCE verifier, nonce): each an encrypted JWT
 * under its secret (APP_SECRET), salted with the cookie's name (next-auth core/lib/oauth/checks.js),
 * read back by the callback under the current secret alone. A round trip begun just before a
 * rotation brings them back under the previous secret: they are encrypted again under the current
 * one, same contents and expiry, before next-auth reads them (proxy.ts; docs/decisions/022).
 */
const CHECK_COOKIES = ['next-auth.state', 'next-auth.pkce.code_verifier', 'next-auth.nonce'];

export function oauthCheckCookieNames(secure: boolean): string[] {
  return CHECK_COOKIES.map((name) => `${secure ? '__Secure-' : ''}${name}`);
}

async function opened(token: string, secret: string, salt: string) {
  try {
    return await decode({ token, secret, salt });
  } catch {
    return null;
  }
}

/**
 * The cookies among `cookies` that a previous secret encrypted, encrypted again under `secrets[0]`
 * (APP_SECRET, then APP_SECRET_PREVIOUS); a cookie no known secret opens is left to next-auth to refuse.
 */
export async function reencryptedCheckCookies(
  cookies: { name: string; value: string }[],
  secrets: readonly string[],
  now = Date.now(),
): Promise<{ name: string; value: string }[]> {
  const [current, ...previous] = secrets;
  const renewed: { name: string; value: string }[] = [];
  for (const { name, value } of cookies) {
    if (previous.length === 0 || (await opened(value, current, name))) continue;
    for (const secret of previous) {
      const payload = await opened(value, secret, name);
      if (!payload) continue;
      const secondsLeft = typeof payload.exp === 'number' ? payload.exp - Math.floor(now / 1000) : 0;
      if (secondsLeft <= 0) break;
      const token = { value: payload.value, provider: payload.provider };
      renewed.push({ name, value: await encode({ token, secret: current, salt: name, maxAge: secondsLeft }) });
      break;
    }
  }
  return renewed;
}
