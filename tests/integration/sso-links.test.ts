/**
 * The single sign-on rules the browser tests (tests/e2e/staff-sso.spec.ts, against a real provider)
 * cannot reach without restarting the server: a changed OIDC_ISSUER, a deactivated person, and who
 * may remove a link. The claims here are what next-auth passes on after validating the ID token.
 */
import { beforeEach, expect, it } from 'vitest';
import { authorizeSsoSignIn } from '../../lib/auth/authorize-sso-sign-in';
import { staffIdentity } from '../../lib/auth/current-staff';
import { db } from '../../lib/db';
import { deactivateStaff } from '../../lib/staff/deactivate-staff';
import { removeSsoLink } from '../../lib/staff/remove-sso-link';
import { resetDatabase } from '../support/reset-database';
import { aStaffMember } from '../support/staff';

const ISSUER = 'https://idp.example.com';

beforeEach(async () => {
  await resetDatabase();
});

it('a link is used only by the issuer that made it: a provider configured later with the same sub is refused', async () => {
  const reviewer = await aStaffMember('reviewer');
  const claims = { iss: ISSUER, sub: 'same-sub', email: reviewer.email, email_verified: true };
  expect(await authorizeSsoSignIn({ claims, issuer: ISSUER })).toEqual({ ok: true, userId: reviewer.id, linked: true });
  expect(await authorizeSsoSignIn({ claims, issuer: `${ISSUER}/` })).toEqual({
    ok: true,
    userId: reviewer.id,
    linked: false,
  });

  const other = 'https://other-idp.example.com';
  expect(await authorizeSsoSignIn({ claims: { ...claims, iss: other }, issuer: other })).toEqual({
    ok: false,
    reason: 'SsoWrongIssuer',
  });
  expect(await authorizeSsoSignIn({ claims: { ...claims, iss: other }, issuer: ISSUER })).toEqual({
    ok: false,
    reason: 'SsoWrongIssuer',
  });
  expect(await authorizeSsoSignIn({ claims: { ...claims, iss: undefined }, issuer: ISSUER })).toEqual({
    ok: false,
    reason: 'SsoWrongIssuer',
  });
});

it('only the boolean true counts as verified', async () => {
  const reviewer = await aStaffMember('reviewer');
  for (const email_verified of ['true', 1, null, undefined]) {
    expect(
      await authorizeSsoSignIn({
        claims: { iss: ISSUER, sub: 's', email: reviewer.email, email_verified },
        issuer: ISSUER,
      }),
    ).toEqual({ ok: false, reason: 'SsoEmailUnverified' });
  }
  expect(await db().account.count()).toBe(0);
});

it('a deactivated person is not signed in through an existing link', async () => {
  const admin = await aStaffMember('admin');
  const reviewer = await aStaffMember('reviewer');
  const claims = { iss: ISSUER, sub: 'deactivated-sub', email: reviewer.email, email_verified: true };
  expect((await authorizeSsoSignIn({ claims, issuer: ISSUER })).ok).toBe(true);
  await deactivateStaff({ staff: (await staffIdentity(admin.id))!, userId: reviewer.id });
  expect(await authorizeSsoSignIn({ claims, issuer: ISSUER })).toEqual({ ok: false, reason: 'SsoNotStaff' });
});

it('only an admin removes a link, audited; the person’s sessions end', async () => {
  const admin = await aStaffMember('admin');
  const reviewer = await aStaffMember('reviewer');
  await authorizeSsoSignIn({
    claims: { iss: ISSUER, sub: 'to-remove', email: reviewer.email, email_verified: true },
    issuer: ISSUER,
  });
  const link = await db().account.findFirstOrThrow({ where: { userId: reviewer.id } });
  await db().session.create({
    data: { sessionToken: 'reviewer-session', userId: reviewer.id, expires: new Date(Date.now() + 3600_000) },
  });

  await expect(removeSsoLink({ staff: (await staffIdentity(reviewer.id))!, linkId: link.id })).rejects.toMatchObject({
    code: 'FORBIDDEN',
  });
  expect(await db().account.count({ where: { id: link.id } })).toBe(1);

  await removeSsoLink({ staff: (await staffIdentity(admin.id))!, linkId: link.id });
  expect(await db().account.count({ where: { id: link.id } })).toBe(0);
  expect(await db().session.count({ where: { userId: reviewer.id } })).toBe(0);
  const events = await db().auditEvent.findMany({
    where: { action: { startsWith: 'staff.sso_' } },
    orderBy: { id: 'asc' },
  });
  expect(events.map((e) => [e.action, e.actorId, (e.data as { userId?: string }).userId])).toEqual([
    ['staff.sso_linked', reviewer.id, undefined],
    ['staff.sso_unlinked', admin.id, reviewer.id],
  ]);
  await expect(removeSsoLink({ staff: (await staffIdentity(admin.id))!, linkId: link.id })).rejects.toMatchObject({
    code: 'NOT_FOUND',
  });
});
