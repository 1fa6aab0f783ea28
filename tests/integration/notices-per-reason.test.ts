/**
 * Denials carry the notice their regime and reason require (lib/requests/notice-rules.ts), on real
 * PostgreSQL through the deny action and the outbox: the legal basis and what was done are stored
 * and sent, and a denial whose notice would lack them is refused before anything changes.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { getRequestStatus } from '../../lib/requests/get-request-status';
import { denyRequest } from '../../lib/requests/staff/deny-request';
import { getRequestDetail } from '../../lib/requests/staff/get-request-detail';
import { submitRequest } from '../../lib/requests/submit-request';
import type { NewRequest } from '../../lib/universal/request-schema';
import { verifyRequest } from '../../lib/verification/verify-request';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';
import { statusForApi } from '../../lib/requests/status-for-api';

let reviewer: StaffIdentity;

beforeEach(async () => {
  await resetDatabase();
  reviewer = await aStaffIdentity('reviewer');
});

async function verified(overrides: Partial<NewRequest>) {
  const input = aRequest(overrides);
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  return { input, ...created };
}

const decisionEmail = async (to: string) =>
  (await db().outboxEmail.findFirstOrThrow({ where: { to, template: 'request-decided' } })).text.replace(/\s+/g, ' ');

const BASIS = 'Cal. Civ. Code §1798.105(d)(8): we must keep invoices to comply with tax law';
const DONE = 'We deleted your account, API keys and usage history; we keep your invoices.';

describe('notices per reason', () => {
  it('11 CCR §7022(f): a California deletion refused in part under an exemption needs, stores and sends the basis and what was deleted', async () => {
    const r = await verified({ jurisdiction: 'US-CA', types: ['deletion'] });
    const deny = (extra: { basis?: string; fulfilled?: string }) =>
      denyRequest({
        staff: reviewer,
        requestId: r.id,
        reason: 'exempt',
        partial: true,
        message: 'We deleted what the law lets us delete.',
        ...extra,
      });
    await expect(deny({})).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { fields: { basis: [expect.any(String)], fulfilled: [expect.any(String)] } },
    });
    await expect(deny({ basis: BASIS })).rejects.toMatchObject({
      details: { fields: { fulfilled: expect.any(Array) } },
    });
    // Nothing changed while the notice was incomplete.
    expect(await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      status: 'verified',
      denialReason: null,
    });
    expect(await db().outboxEmail.count({ where: { to: r.input.email, template: 'request-decided' } })).toBe(0);

    await deny({ basis: BASIS, fulfilled: DONE });
    expect(await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      status: 'completed',
      partial: true,
      denialReason: 'exempt',
      denialBasis: BASIS,
      denialFulfilled: DONE,
    });
    const text = await decisionEmail(r.input.email);
    expect(text).toContain(`The legal basis for this decision: ${BASIS}`);
    expect(text).toContain(`What we did: ${DONE}`);
    expect(text).toMatch(/use the information we keep only for the purpose of that exception and for no other/);
    expect(text).not.toMatch(/could not verify your identity/);
    const detail = await getRequestDetail({ staff: reviewer, requestId: r.id });
    expect(detail.decision).toMatchObject({ basis: BASIS, fulfilled: DONE });
    // The status page and the API give the same notices.
    const status = await getRequestStatus(await latestStatusLink(r.input.email));
    expect(statusForApi(status).decisionNotices).toEqual(
      expect.arrayContaining([`The legal basis for this decision: ${BASIS}.`, `What we did: ${DONE}`]),
    );
  });

  it('GDPR Art. 12(4): an EU refusal under an exemption gives the basis, the supervisory authority and the courts', async () => {
    const r = await verified({ jurisdiction: 'EU', types: ['access'] });
    await denyRequest({
      staff: reviewer,
      requestId: r.id,
      reason: 'exempt',
      partial: false,
      message: 'The data you asked for concerns another person.',
      basis: 'GDPR Art. 15(4): the rights and freedoms of others',
    });
    const text = await decisionEmail(r.input.email);
    expect(text).toContain('The legal basis for this decision: GDPR Art. 15(4): the rights and freedoms of others');
    expect(text).toMatch(/supervisory authority.*judicial remedy/);
  });

  it('a duplicate needs no basis: the reason alone, with the regime notices (Va. Code §59.1-577(B)(2), (C))', async () => {
    const r = await verified({ jurisdiction: 'US-VA', types: ['access'] });
    await denyRequest({
      staff: reviewer,
      requestId: r.id,
      reason: 'duplicate',
      partial: false,
      message: 'We answered the same request last week.',
    });
    const text = await decisionEmail(r.input.email);
    expect(text).toMatch(/Reason: it repeats a request/);
    expect(text).toMatch(/appeal this decision within 60 days.*Virginia Attorney General/);
    expect(text).not.toContain('The legal basis for this decision');
  });
});
