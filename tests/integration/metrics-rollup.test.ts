/**
 * request_outcome_rollup (kept by triggers) against the live computation over privacy_request, after
 * a mix of what happens to requests: decisions, a partial denial, a withdrawal, an expiry, an appeal
 * that reopens a request, a retention purge, a deletion and direct corrections of dates. Groups left
 * empty are deleted, so the rollup holds exactly the live groups.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decideAppeal } from '../../lib/appeals/decide-appeal';
import { submitAppeal } from '../../lib/appeals/submit-appeal';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { db } from '../../lib/db';
import { getRequestMetrics } from '../../lib/metrics/get-request-metrics';
import { expireUnverifiedRequest } from '../../lib/requests/expire-unverified-request';
import { completeRequest } from '../../lib/requests/staff/complete-request';
import { denyRequest } from '../../lib/requests/staff/deny-request';
import { reopenRequest } from '../../lib/requests/staff/reopen-request';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { withdrawRequest } from '../../lib/requests/withdraw-request';
import { purgeExpiredRecords } from '../../lib/retention/purge-expired-records';
import { verifyRequest } from '../../lib/verification/verify-request';
import { aRecordedRequest } from '../support/records';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { resetDatabase } from '../support/reset-database';
import { aStaffIdentity } from '../support/staff';

const DAY = 86_400_000;
let denier: StaffIdentity;
let otherAdmin: StaffIdentity;

/** The rollup as the triggers left it, and as it would be computed now from the requests. */
async function rollupAndLive() {
  const rollup = await db().$queryRaw<Record<string, unknown>[]>`
    SELECT day::text, jurisdiction, types, status::text, partial, denial_reason, days, on_time, n
    FROM request_outcome_rollup ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;
  const live = await db().$queryRaw<Record<string, unknown>[]>`
    SELECT (received_at AT TIME ZONE 'UTC')::date::text AS day, jurisdiction, types::text AS types, status::text, partial,
      coalesce(denial_reason::text, '') AS denial_reason,
      CASE WHEN status IN ('completed', 'denied') AND decided_at IS NOT NULL THEN floor(date_part('epoch', decided_at - received_at) / 86400)::int ELSE -1 END AS days,
      (status IN ('completed', 'denied') AND decided_at IS NOT NULL AND decided_at <= due_at) AS on_time,
      count(*)::int AS n
    FROM privacy_request WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;
  return { rollup, live };
}

async function verified(overrides: Parameters<typeof aRequest>[0] = {}) {
  const input = aRequest(overrides);
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  return { id: created.id, link: await latestStatusLink(input.email) };
}

beforeAll(async () => {
  await resetDatabase();
  denier = await aStaffIdentity('admin');
  otherAdmin = await aStaffIdentity('admin');
});

describe('the metrics rollup', () => {
  it('equals the live computation after decisions, withdrawals, expiries, a reopening appeal, purges and deletions', async () => {
    const completed = await verified({ jurisdiction: 'US-CA', types: ['access'] });
    await startRequest({ staff: denier, requestId: completed.id });
    await completeRequest({ staff: denier, requestId: completed.id, message: 'Here is your data, as asked.' });
    // Denied, reopened by staff, then denied in part for another reason.
    const partial = await verified({ jurisdiction: 'US-CA', types: ['access', 'deletion'] });
    await denyRequest({
      staff: denier,
      requestId: partial.id,
      reason: 'other',
      partial: false,
      message: 'We cannot act on this request.',
    });
    await reopenRequest({ staff: denier, requestId: partial.id, reason: 'The requester sent the missing details.' });
    await denyRequest({
      staff: denier,
      requestId: partial.id,
      reason: 'exempt',
      partial: true,
      message: 'Part of it is exempt from this right.',
      basis: 'A legal obligation to keep invoices',
      fulfilled: 'We gave you a copy of everything else.',
    });
    // An opt-out needs no verification: its status link comes with the confirmation at receipt.
    const optOut = aRequest({ jurisdiction: 'UK', types: ['unsubscribe'] });
    await submitRequest({ input: optOut, channel: 'web' });
    await withdrawRequest({ ...(await latestStatusLink(optOut.email, 'opt-out-received')) });
    const unverified = await submitRequest({ input: aRequest({ jurisdiction: 'EU' }), channel: 'web' });
    await expireUnverifiedRequest({ requestId: unverified.id, now: new Date(Date.now() + 30 * DAY) });
    // Denied, appealed, and the appeal granted: the request reopens and leaves the closed counts.
    const reopened = await verified({ jurisdiction: 'US-CO', types: ['deletion'] });
    await denyRequest({
      staff: denier,
      requestId: reopened.id,
      reason: 'other',
      partial: false,
      message: 'We cannot act on this request.',
    });
    const appeal = await submitAppeal({ ...reopened.link, statement: 'Please look at my request again.' });
    await decideAppeal({
      staff: otherAdmin,
      appealId: appeal.id,
      outcome: 'granted',
      message: 'You are right; we will act on it.',
    });
    // Old closed requests, then a retention purge that anonymises them; one more is deleted outright.
    const old = [
      await aRecordedRequest({
        types: ['access'],
        jurisdiction: 'US-CA',
        status: 'completed',
        receivedAt: '2023-03-03T08:00:00Z',
        decidedDays: 10,
      }),
      await aRecordedRequest({
        types: ['deletion'],
        jurisdiction: 'US-VA',
        status: 'denied',
        denialReason: 'cannot_verify',
        receivedAt: '2023-03-03T20:00:00Z',
        decidedDays: 50,
      }),
      await aRecordedRequest({
        types: ['export'],
        jurisdiction: 'UK',
        status: 'expired',
        receivedAt: '2023-03-20T10:00:00Z',
        closedDays: 1,
      }),
    ];
    const deleted = await aRecordedRequest({
      types: ['access'],
      jurisdiction: 'US-CA',
      status: 'completed',
      receivedAt: '2023-03-03T09:00:00Z',
      decidedDays: 10,
    });
    await db().privacyRequest.delete({ where: { id: deleted.id } });
    expect((await purgeExpiredRecords()).requests).toBe(3);
    // A correction of a decision date moves the request to another group.
    await db().privacyRequest.update({
      where: { id: old[0].id },
      data: { decidedAt: new Date(old[0].receivedAt.getTime() + 40 * DAY) },
    });

    const { rollup, live } = await rollupAndLive();
    expect(rollup).toEqual(live);
    expect(live.reduce((sum, g) => sum + Number(g.n), 0)).toBe(7); // completed, partial, withdrawn, expired, three old ones
    expect(live).toContainEqual(
      expect.objectContaining({ day: '2023-03-03', types: '{access}', days: 40, on_time: true, n: 1 }),
    );
  });

  it('gives the same metrics for a period whose ends fall mid-day as the requests themselves', async () => {
    // 2023-03-03T12:00 to 2023-04-01T06:00: the part-days at the ends come from the requests, the
    // whole days between from the rollup. In: the denial at 20:00 on 3 March (a part-day) and the
    // expiry of 20 March (a whole day); not the completion at 08:00 on 3 March.
    const m = await getRequestMetrics({
      staff: otherAdmin,
      filter: { from: new Date('2023-03-03T12:00:00Z'), to: new Date('2023-04-01T06:00:00Z'), regime: null },
    });
    expect(m.total).toMatchObject({
      received: 2,
      denied: 1,
      deniedCannotVerify: 1,
      expired: 1,
      decided: 1,
      onTime: 0,
      medianDays: 50,
    });
    // Every whole day of the period, and the period as a whole, agree with counting the requests.
    const [{ received }] = await db().$queryRaw<{ received: number }[]>`
      SELECT count(*)::int AS received FROM privacy_request WHERE received_at >= '2023-03-01' AND received_at < '2023-05-01'`;
    const wide = await getRequestMetrics({
      staff: otherAdmin,
      filter: { from: new Date('2023-03-01T00:00:00Z'), to: new Date('2023-05-01T00:00:00Z'), regime: null },
    });
    expect(wide.total.received).toBe(received);
    expect(wide.total).toMatchObject({
      received: 3,
      compliedWhole: 1,
      denied: 1,
      expired: 1,
      decided: 2,
      onTime: 1,
      medianDays: 45,
    });
  });
});
