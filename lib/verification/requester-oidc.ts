/**
 * The company's own OpenID Connect provider, as the requesters' "Sign in with your Bitstride
 * account" (REQUESTER_OIDC_*), apart from staff single sign-on. panva's `openid-client` is the
 * relying party: discovery (the document must name REQUESTER_OIDC_ISSUER as its issuer), PKCE,
 * state, nonce, and the ID token's signature, issuer, audience and expiry.
 */
import * as client from 'openid-client';
import { env } from '../env';

/** Where the provider sends the requester back: one fixed address, registered with the provider. */
export const SIGN_IN_CALLBACK_PATH = '/status/account-sign-in/callback';

export function signInRedirectUri(): string {
  return `${env().APP_URL}${SIGN_IN_CALLBACK_PATH}`;
}

let discovered: { key: string; config: Promise<client.Configuration> } | undefined;

/** The provider's configuration, discovered once per process (again after a failure). Null when not configured. */
export async function requesterOidcConfig(): Promise<client.Configuration | null> {
  const settings = env().requesterSignIn;
  if (!settings) return null;
  const key = `${settings.issuer} ${settings.clientId}`;
  if (discovered?.key !== key) {
    const server = new URL(settings.issuer);
    // Plain http only reaches a provider on this machine (lib/env.ts refuses any other).
    const options =
      server.protocol === 'http:' ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 };
    const config = client.discovery(server, settings.clientId, settings.clientSecret, undefined, options);
    discovered = { key, config };
    config.catch(() => {
      if (discovered?.config === config) discovered = undefined;
    });
  }
  return discovered.config;
}
