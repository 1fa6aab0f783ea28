import { PrismaAdapter } from '@next-auth/prisma-adapter';
import type { Adapter } from 'next-auth/adapters';
import type { NextAuthOptions } from 'next-auth';
import EmailProvider from 'next-auth/providers/email';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { env } from '../env';
import { authorizeSsoSignIn } from './authorize-sso-sign-in';
import { oidcProvider, type OidcClaims } from './oidc-provider';

const LINK_MINUTES = 15;

/**
 * What next-auth hashes a sign-in link's token with before storing it, in place of its secret: a
 * fixed label, so a link emailed before APP_SECRET changes still signs in after (docs/decisions/022).
 * The token is 32 random bytes, so the hash needs no key to be unguessable.
 */
const SIGN_IN_LINK_HASH_LABEL = 'bitstride-staff-sign-in-link';

async function activeStaff(email: string | null | undefined) {
  if (!email) return null;
  return db().user.findFirst({ where: { email: email.trim().toLowerCase(), deactivatedAt: null } });
}

/**
 * next-auth's Prisma adapter, closed to strangers: only invited, active staff can have a sign-in
 * token, and no account is ever created by signing in (admins invite people instead). A sign-in
 * link carries its token alone (see sendVerificationRequest), so the token is found by itself:
 * it is unique, and next-auth still takes the address from the stored row.
 */
function invitedOnlyAdapter(): Adapter {
  const base = PrismaAdapter(db() as never) as Adapter;
  return {
    ...base,
    createUser: async () => {
      throw new Error('Staff accounts are created by invitation only');
    },
    // Links to an identity provider's account are made only by authorizeSsoSignIn, from a verified email.
    linkAccount: async () => {
      throw new Error('Single sign-on accounts are linked by authorizeSsoSignIn only');
    },
    createVerificationToken: async (token) =>
      (await activeStaff(token.identifier)) ? base.createVerificationToken!(token) : null,
    useVerificationToken: async ({ identifier, token }) => {
      if (identifier) return base.useVerificationToken!({ identifier, token });
      const row = await db().verificationToken.findUnique({ where: { token } });
      // Whoever deletes the row uses the token: a link followed twice at once signs in once.
      return row && (await db().verificationToken.deleteMany({ where: { token } })).count === 1 ? row : null;
    },
  };
}

export function authOptions(): NextAuthOptions {
  const e = env();
  return {
    secret: e.APP_SECRET,
    // Session cookies are HttpOnly and SameSite=Lax (next-auth's defaults); Secure, with the
    // __Secure- prefix, wherever the public address is https, which production's is.
    useSecureCookies: e.APP_URL.startsWith('https://'),
    adapter: invitedOnlyAdapter(),
    // Database sessions, so that deactivating someone or signing out ends the session at once.
    session: { strategy: 'database', maxAge: e.SESSION_MAX_AGE_HOURS * 3600, updateAge: 15 * 60 },
    pages: { signIn: '/admin/sign-in', verifyRequest: '/admin/sign-in/check-email', error: '/admin/sign-in' },
    providers: [
      EmailProvider({
        maxAge: LINK_MINUTES * 60,
        secret: SIGN_IN_LINK_HASH_LABEL,
        normalizeIdentifier: (identifier) => identifier.trim().toLowerCase(),
        // Through the outbox like every email. Someone not invited gets nothing, and sees the same page.
        // The link goes without next-auth's `email` parameter: an address never travels in a URL.
        sendVerificationRequest: async ({ identifier, url: nextAuthUrl }) => {
          if (!(await activeStaff(identifier))) return;
          const link = new URL(nextAuthUrl);
          link.searchParams.delete('email');
          const url = link.toString();
          await db().$transaction((tx) =>
            enqueueEmail(tx, {
              template: 'staff-sign-in',
              to: identifier,
              props: { brand: brand(), url, expiresInMinutes: LINK_MINUTES },
            }),
          );
        },
      }),
      ...(e.OIDC_ISSUER ? [oidcProvider()] : []),
    ],
    callbacks: {
      // The request for a link always "succeeds" (no enumeration); the sign-in itself needs active staff.
      // Single sign-on says why it refused: the person has proven who they are to their provider.
      signIn: async ({ user, email, account, profile }) => {
        if (account?.provider === 'oidc') {
          const decision = await authorizeSsoSignIn({ claims: profile as OidcClaims, issuer: e.OIDC_ISSUER! });
          return decision.ok || `${e.APP_URL.replace(/\/$/, '')}/admin/sign-in?error=${decision.reason}`;
        }
        return email?.verificationRequest ? true : Boolean(await activeStaff(user.email));
      },
      session: async ({ session, user }) => ({ ...session, user: { ...session.user, id: user.id } }),
    },
    events: {
      signIn: async ({ user, account }) => {
        await db().$transaction((tx) =>
          recordAuditEvent(tx, {
            action: 'staff.signed_in',
            actor: { type: 'staff', id: user.id },
            data: { provider: account?.provider ?? 'unknown' },
          }),
        );
      },
      signOut: async ({ session }) => {
        const userId = (session as { userId?: string } | null)?.userId;
        if (!userId) return;
        await db().$transaction((tx) =>
          recordAuditEvent(tx, { action: 'staff.signed_out', actor: { type: 'staff', id: userId } }),
        );
      },
    },
  };
}
