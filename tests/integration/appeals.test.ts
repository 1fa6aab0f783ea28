import { beforeEach, describe, expect, it } from 'vitest';
import { decideAppeal } from '../../lib/appeals/decide-appeal';
import { submitAppeal } from '../../lib/appeals/submit-appeal';
import { staffIdentity, type StaffIdentity } from '../../lib/auth/current-staff';
import { db } from '../../lib/db';
import { getRequestMetrics } from '../../lib/metrics/get-request-metrics';
import { getRequestStatus } from '../../lib/requests/get-request-status';
import type { NewRequest } from '../../lib/requests/schemas';
import { denyRequest } from '../../lib/requests/staff/decide-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { verifyRequest } from '../../lib/verification/verify-request';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { aStaffMember } from '../support/staff';

let denier: StaffIdentity;
let otherAdmin: StaffIdentity;
let reviewer: StaffIdentity;
const DAY = 86_400_000;

beforeEach(async () => {
  await resetDatabase();
  denier = (await staffIdentity((await aStaffMember('admin')).id))!;
  otherAdmin = (await staffIdentity((await aStaffMember('admin')).id))!;
  reviewer = (await staffIdentity((await aStaffMember('reviewer')).id))!;
});

async function denied(overrides: Partial<NewRequest>) {
  const input = aRequest(overrides);
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  await denyRequest({ staff: denier, requestId: created.id, reason: 'exempt', partial: false, message: 'The data is exempt from this right.' });
  return { input, created, link: await latestStatusLink(input.email) };
}

describe('appeals', () => {
  it('a Virginia requester appeals within the window; another admin rejects; the outcome names the Attorney General', async () => {
    const { input, link } = await denied({ jurisdiction: 'US-VA', types: ['deletion'] });
    const before = await getRequestStatus(link);
    expect(before.appeal.canAppeal).toBe(true);
    const decidedAt = (await db().privacyRequest.findUniqueOrThrow({ where: { id: link.requestId } })).decidedAt!;
    expect(new Date(before.appeal.closesAt!).getTime()).toBe(decidedAt.getTime() + 60 * DAY);

    await expect(submitAppeal({ ...link, statement: 'short' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const appeal = await submitAppeal({ ...link, statement: 'I am a Virginia resident and the data is not exempt.' });
    // 60 calendar days from receipt, to the end of that day in Virginia.
    expect(appeal.dueAt.getTime() - Date.now()).toBeGreaterThan(60 * DAY - DAY);
    expect(appeal.dueAt.getTime() - Date.now()).toBeLessThan(61 * DAY + DAY);
    await expect(submitAppeal({ ...link, statement: 'Appealing a second time.' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const after = await getRequestStatus(link);
    expect(after.appeal).toMatchObject({ canAppeal: false, made: { status: 'pending' } });
    expect(after.timeline.map((e) => e.summary)).toContain('We received your appeal');

    await expect(decideAppeal({ staff: reviewer, appealId: appeal.id, outcome: 'rejected', message: 'The decision stands, as explained.' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(decideAppeal({ staff: denier, appealId: appeal.id, outcome: 'rejected', message: 'The decision stands, as explained.' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/someone other than/),
    });
    await decideAppeal({ staff: otherAdmin, appealId: appeal.id, outcome: 'rejected', message: 'The decision stands, as explained.' });
    await expect(decideAppeal({ staff: otherAdmin, appealId: appeal.id, outcome: 'granted', message: 'Changing my mind now.' })).rejects.toMatchObject({ code: 'CONFLICT' });

    const email = await db().outboxEmail.findFirstOrThrow({ where: { to: input.email, template: 'appeal-decided' } });
    expect(email.subject).toMatch(/our decision stands/);
    expect(email.text).toContain('The decision stands, as explained.');
    expect(email.text).toContain('Virginia Attorney General');
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: link.requestId } })).status).toBe('denied');

    const today = { from: new Date(Date.now() - DAY), to: new Date(Date.now() + DAY), regime: null };
    const metrics = await getRequestMetrics({ staff: reviewer, filter: today });
    expect(metrics.total.appeals).toEqual({ received: 1, granted: 0, rejected: 1, pending: 0, onTime: 1 });
    expect(metrics.rows.find((r) => r.type === 'deletion')!.appeals.received).toBe(1);
  });

  it('a granted appeal reopens the request, due by the appeal deadline', async () => {
    const { input, link } = await denied({ jurisdiction: 'US-CO', types: ['access'] });
    const appeal = await submitAppeal({ ...link, statement: 'Please look again at my access request.' });
    await decideAppeal({ staff: otherAdmin, appealId: appeal.id, outcome: 'granted', message: 'You are right; we will send your data.' });
    const row = await db().privacyRequest.findUniqueOrThrow({ where: { id: link.requestId } });
    expect(row).toMatchObject({ status: 'in_progress', closedAt: null, decidedAt: null, denialReason: null, dueAt: appeal.dueAt });
    const email = await db().outboxEmail.findFirstOrThrow({ where: { to: input.email, template: 'appeal-decided' } });
    expect(email.text).not.toContain('Attorney General');
  });

  it('is not offered where the regime has no appeal step, nor after the window', async () => {
    const uk = await denied({ jurisdiction: 'UK' });
    expect((await getRequestStatus(uk.link)).appeal).toEqual({ canAppeal: false, closesAt: null, made: null });
    await expect(submitAppeal({ ...uk.link, statement: 'Appealing a UK decision.' })).rejects.toMatchObject({ code: 'CONFLICT' });

    const va = await denied({ jurisdiction: 'US-VA' });
    await expect(submitAppeal({ ...va.link, statement: 'Appealing far too late.', now: new Date(Date.now() + 61 * DAY) })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/has passed/),
    });
  });
});
