import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import type { OidcClaims } from './oidc-provider';

/** Why a single sign-on was refused: each is a `?error=` code of the sign-in page. */
export type SsoRefusal =
  | 'SsoWrongIssuer'
  | 'SsoEmailMissing'
  | 'SsoEmailUnverified'
  | 'SsoNotStaff'
  | 'SsoEmailChanged'
  | 'SsoAlreadyLinked';

export type SsoDecision = { ok: true; userId: string; linked: boolean } | { ok: false; reason: SsoRefusal };

export const SSO_PROVIDER = 'oidc';

const withoutTrailingSlash = (url: string) => url.replace(/\/$/, '');

/**
 * Decides who an OpenID Connect sign-in is. Only an `email_verified: true` email asserted by the
 * configured issuer identifies a staff member. An account of the provider already linked signs in
 * as its person only while it still asserts the address it was linked with; an unlinked one is
 * linked, once and audited, to the active staff member with that verified address.
 */
export async function authorizeSsoSignIn(options: { claims: OidcClaims; issuer: string }): Promise<SsoDecision> {
  const { claims } = options;
  const issuer = typeof claims.iss === 'string' ? claims.iss : '';
  if (!issuer || withoutTrailingSlash(issuer) !== withoutTrailingSlash(options.issuer))
    return { ok: false, reason: 'SsoWrongIssuer' };
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email) return { ok: false, reason: 'SsoEmailMissing' };
  if (claims.email_verified !== true) return { ok: false, reason: 'SsoEmailUnverified' };

  return db().$transaction(async (tx) => {
    const link = await tx.account.findUnique({
      where: { provider_providerAccountId: { provider: SSO_PROVIDER, providerAccountId: claims.sub } },
      include: { user: { select: { id: true, email: true, deactivatedAt: true } } },
    });
    if (link) {
      if (link.issuer !== issuer) return { ok: false, reason: 'SsoWrongIssuer' } as const;
      if (link.user.deactivatedAt) return { ok: false, reason: 'SsoNotStaff' } as const;
      if (link.email !== email || link.user.email !== email) {
        await recordAuditEvent(tx, {
          action: 'staff.sso_refused',
          actor: { type: 'system' },
          data: { userId: link.userId, linkId: link.id, reason: 'SsoEmailChanged' },
        });
        return { ok: false, reason: 'SsoEmailChanged' } as const;
      }
      return { ok: true, userId: link.userId, linked: false } as const;
    }

    const user = await tx.user.findFirst({ where: { email, deactivatedAt: null }, select: { id: true } });
    if (!user) return { ok: false, reason: 'SsoNotStaff' } as const;
    if (await tx.account.findFirst({ where: { userId: user.id, provider: SSO_PROVIDER }, select: { id: true } })) {
      await recordAuditEvent(tx, {
        action: 'staff.sso_refused',
        actor: { type: 'system' },
        data: { userId: user.id, reason: 'SsoAlreadyLinked' },
      });
      return { ok: false, reason: 'SsoAlreadyLinked' } as const;
    }
    const created = await tx.account.create({
      data: { userId: user.id, type: 'oauth', provider: SSO_PROVIDER, providerAccountId: claims.sub, issuer, email },
    });
    await recordAuditEvent(tx, {
      action: 'staff.sso_linked',
      actor: { type: 'staff', id: user.id },
      data: { linkId: created.id, issuer },
    });
    return { ok: true, userId: user.id, linked: true } as const;
  });
}
