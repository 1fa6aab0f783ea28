import type { OAuthConfig } from 'next-auth/providers/oauth';
import { env } from '../env';

/** The claims a sign-in is judged on: the ID token's, with the email pair from UserInfo when the token lacks it. */
export type OidcClaims = { iss?: string; sub: string; email?: string; email_verified?: unknown; name?: string };

/**
 * Generic OpenID Connect single sign-on (Okta, Entra ID, Google Workspace…), from OIDC_ISSUER,
 * OIDC_CLIENT_ID and OIDC_CLIENT_SECRET. Who may sign in is decided in `authorizeSsoSignIn`: a
 * verified email from this issuer, linked once to an invited person. next-auth never links by email.
 */
export function oidcProvider(): OAuthConfig<OidcClaims> {
  const e = env();
  return {
    id: 'oidc',
    name: e.OIDC_NAME,
    type: 'oauth',
    wellKnown: `${e.OIDC_ISSUER!.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: 'openid email profile' } },
    // The ID token is validated (signature, issuer, audience, expiry); its `iss` and `sub` name the account.
    idToken: true,
    checks: ['pkce', 'state'],
    userinfo: {
      // Conformant providers put scope claims in the ID token only when asked, and in UserInfo
      // otherwise. email and email_verified are taken as a pair from one source: the ID token when it
      // has an email, else UserInfo, which must speak of the same `sub`.
      request: async ({ tokens, client }) => {
        // openid-client's TokenSet, whose ID token next-auth has validated.
        const fromIdToken = (tokens as unknown as { claims(): OidcClaims }).claims();
        if (fromIdToken.email !== undefined) return fromIdToken;
        const fromUserInfo = await client.userinfo(tokens.access_token!);
        if (fromUserInfo.sub !== fromIdToken.sub)
          throw new Error('UserInfo is about another subject than the ID token');
        return {
          ...fromIdToken,
          email: fromUserInfo.email,
          email_verified: fromUserInfo.email_verified,
          name: fromIdToken.name ?? fromUserInfo.name,
        };
      },
    },
    // Only a verified email reaches next-auth; nothing falls back to preferred_username or upn.
    profile: (claims) => ({
      id: claims.sub,
      email:
        claims.email_verified === true && typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null,
      name: typeof claims.name === 'string' ? claims.name : null,
    }),
  };
}
