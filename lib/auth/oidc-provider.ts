import type { OAuthConfig } from 'next-auth/providers/oauth';
import { env } from '../env';

type OidcProfile = { sub: string; email?: string; preferred_username?: string; upn?: string; name?: string };

/**
 * Generic OpenID Connect single sign-on (Okta, Entra ID, Google Workspace…), from OIDC_ISSUER,
 * OIDC_CLIENT_ID and OIDC_CLIENT_SECRET. Only people already invited by email can sign in; the first
 * sign-in links the identity provider's account to that invitation.
 */
export function oidcProvider(): OAuthConfig<OidcProfile> {
  const e = env();
  return {
    id: 'oidc',
    name: e.OIDC_NAME,
    type: 'oauth',
    wellKnown: `${e.OIDC_ISSUER!.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    allowDangerousEmailAccountLinking: true,
    profile: (profile) => ({
      id: profile.sub,
      email: (profile.email ?? profile.preferred_username ?? profile.upn ?? '').toLowerCase(),
      name: profile.name ?? null,
    }),
  };
}
