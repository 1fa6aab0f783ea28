import { beforeEach, describe, expect, it } from 'vitest';
import { decideAppeal } from '../../lib/appeals/decide-appeal';
import { submitAppeal } from '../../lib/appeals/submit-appeal';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { dailySweep } from '../../lib/clock/daily-sweep';
import { notifyDeadline } from '../../lib/clock/notify-deadline';
import { db } from '../../lib/db';
import { getRequestMetrics } from '../../lib/metrics/get-request-metrics';
import { getRequestStatus } from '../../lib/requests/get-request-status';
import type { NewRequest } from '../../lib/universal/request-schema';
import { denyRequest } from '../../lib/requests/staff/deny-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { verifyRequest } from '../../lib/verification/verify-request';
import { listPendingAppeals } from '../../lib/appeals/list-pending-appeals';
import { formatPublicDate } from '../../lib/deadlines/zoned-day';
import { advanceQueueTo, runDueJobs } from '../support/jobs';
import { queuedJobs, resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { aStaffIdentity, aStaffMember } from '../support/staff';

let denier: StaffIdentity;
let otherAdmin: StaffIdentity;
let reviewer: StaffIdentity;
const DAY = 86_400_000;

beforeEach(async () => {
  await resetDatabase();
  denier = await aStaffIdentity('admin');
  otherAdmin = await aStaffIdentity('admin');
  reviewer = await aStaffIdentity('reviewer');
});

async function denied(overrides: Partial<NewRequest>) {
  const input = aRequest(overrides);
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  await denyRequest({
    staff: denier,
    requestId: created.id,
    reason: 'exempt',
    partial: false,
    message: 'The data is exempt from this right.',
    basis: 'Va. Code §59.1-582(A)(1): to comply with federal, state or local law',
  });
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
    await expect(submitAppeal({ ...link, statement: 'Appealing a second time.' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const after = await getRequestStatus(link);
    expect(after.appeal).toMatchObject({ canAppeal: false, made: { status: 'pending' } });
    expect(after.timeline.map((e) => e.summary)).toContain('We received your appeal');

    await expect(
      decideAppeal({
        staff: reviewer,
        appealId: appeal.id,
        outcome: 'rejected',
        message: 'The decision stands, as explained.',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      decideAppeal({
        staff: denier,
        appealId: appeal.id,
        outcome: 'rejected',
        message: 'The decision stands, as explained.',
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/someone other than/),
    });
    await decideAppeal({
      staff: otherAdmin,
      appealId: appeal.id,
      outcome: 'rejected',
      message: 'The decision stands, as explained.',
    });
    await expect(
      decideAppeal({ staff: otherAdmin, appealId: appeal.id, outcome: 'granted', message: 'Changing my mind now.' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

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
    await decideAppeal({
      staff: otherAdmin,
      appealId: appeal.id,
      outcome: 'granted',
      message: 'You are right; we will send your data.',
    });
    const row = await db().privacyRequest.findUniqueOrThrow({ where: { id: link.requestId } });
    expect(row).toMatchObject({
      status: 'in_progress',
      closedAt: null,
      decidedAt: null,
      denialReason: null,
      dueAt: appeal.dueAt,
    });
    const email = await db().outboxEmail.findFirstOrThrow({ where: { to: input.email, template: 'appeal-decided' } });
    expect(email.text).not.toContain('Attorney General');
  });

  it('is not offered where the regime has no appeal step, nor after the window', async () => {
    const uk = await denied({ jurisdiction: 'UK' });
    expect((await getRequestStatus(uk.link)).appeal).toEqual({ canAppeal: false, closesAt: null, made: null });
    await expect(submitAppeal({ ...uk.link, statement: 'Appealing a UK decision.' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const va = await denied({ jurisdiction: 'US-VA' });
    await expect(
      submitAppeal({ ...va.link, statement: 'Appealing far too late.', now: new Date(Date.now() + 61 * DAY) }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/has passed/),
    });
  });
});

/** A denial made `decidedDaysAgo` days ago, appealed `appealedDaysAgo` days ago: the appeal's clock has run that long. */
async function appealedInThePast(decidedDaysAgo: number, appealedDaysAgo: number) {
  const { input, created, link } = await denied({ jurisdiction: 'US-VA', types: ['deletion'] });
  await db().privacyRequest.update({
    where: { id: created.id },
    data: {
      decidedAt: new Date(Date.now() - decidedDaysAgo * DAY),
      closedAt: new Date(Date.now() - decidedDaysAgo * DAY),
    },
  });
  const appeal = await submitAppeal({
    ...link,
    statement: 'The data you keep about me is not exempt.',
    now: new Date(Date.now() - appealedDaysAgo * DAY),
  });
  return { input, requestId: created.id, appeal };
}

const digests = (to: string) => db().outboxEmail.findMany({ where: { template: 'staff-digest', to } });
const appealJobs = async (appealId: string) =>
  (await queuedJobs('deadline-reminder')).filter((j) => j.key?.startsWith(`appeal-deadline:${appealId}:`));

/** Runs what is due, then the digests, which wait a minute to gather. */
async function runJobsAndDigests() {
  await runDueJobs();
  await advanceQueueTo(new Date(Date.now() + 2 * 60_000));
  await runDueJobs();
}

describe('an appeal on its own clock', () => {
  it('tells the requester, in the same transaction as the appeal, when to expect the outcome', async () => {
    const { input, link } = await denied({ jurisdiction: 'US-VA', types: ['deletion'] });
    const appeal = await submitAppeal({ ...link, statement: 'I am a Virginia resident and the data is not exempt.' });
    const mails = await db().outboxEmail.findMany({ where: { to: input.email, template: 'appeal-received' } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      requestId: link.requestId,
      subject: expect.stringMatching(/^We received your appeal BR-/),
    });
    expect(mails[0].text).toContain(`by ${formatPublicDate(appeal.dueAt, 'America/New_York')}`);
    expect(mails[0].text).toContain(`/status/${link.requestId}`);
    expect((await queuedJobs('deliver-email')).some((j) => j.payload.outboxId === mails[0].id)).toBe(true);
    // A refused second appeal rolls back whole: no second email.
    await expect(submitAppeal({ ...link, statement: 'Appealing a second time.' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await db().outboxEmail.count({ where: { to: input.email, template: 'appeal-received' } })).toBe(1);

    // Reminders 7 and 2 days before the appeal's due date, the escalation on it.
    const byKey = Object.fromEntries((await appealJobs(appeal.id)).map((j) => [j.key, j.run_at.getTime()]));
    expect(byKey).toEqual({
      [`appeal-deadline:${appeal.id}:reminder:7`]: appeal.dueAt.getTime() - 7 * DAY,
      [`appeal-deadline:${appeal.id}:reminder:2`]: appeal.dueAt.getTime() - 2 * DAY,
      [`appeal-deadline:${appeal.id}:overdue`]: appeal.dueAt.getTime(),
    });
  });

  it('reminds the admins who may decide it (not the one who denied) a week before its due date', async () => {
    const third = await aStaffMember('admin');
    // Appealed 55 days ago: due in about 5 days, so the 7-day reminder is due and the 2-day one is not.
    const { requestId, appeal } = await appealedInThePast(57, 55);
    await runJobsAndDigests();
    for (const admin of [otherAdmin, third]) {
      const mails = await digests(admin.email);
      expect(mails.map((m) => m.subject)).toEqual(['1 appeal is due soon']);
      expect(mails[0].text).toMatch(/Appeal on BR-\d{4}-\d+ .*decide by .*: due in [4-6] days/);
      expect(mails[0].text).toContain(`/admin/requests/${requestId}`);
    }
    expect(await digests(denier.email)).toEqual([]);
    expect((await appealJobs(appeal.id)).map((j) => j.key).sort()).toEqual([
      `appeal-deadline:${appeal.id}:overdue`,
      `appeal-deadline:${appeal.id}:reminder:2`,
    ]);
    // On the appeals list, with its countdown.
    expect(await listPendingAppeals({ staff: reviewer })).toMatchObject([{ id: appeal.id, countdown: 'due_soon' }]);
  });

  it('escalates once a day while overdue, and stops when decided', async () => {
    // Appealed 62 days ago: due 2 days ago.
    const { requestId, appeal } = await appealedInThePast(63, 62);
    expect(appeal.dueAt.getTime()).toBeLessThan(Date.now());
    await runJobsAndDigests();
    const mails = await digests(otherAdmin.email);
    expect(mails.map((m) => m.subject)).toEqual(['1 appeal is overdue']);
    expect(mails[0].text).toMatch(/Appeal on BR-\d{4}-\d+ .*: [12] days? overdue/);
    expect(await digests(denier.email)).toEqual([]);
    expect(await listPendingAppeals({ staff: reviewer })).toMatchObject([{ id: appeal.id, countdown: 'overdue' }]);
    // The escalation comes back tomorrow, under the same key.
    const [overdue] = await appealJobs(appeal.id);
    expect(overdue.key).toBe(`appeal-deadline:${appeal.id}:overdue`);
    expect(overdue.run_at.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    const notes = () =>
      db().staffNotification.count({ where: { requestId, kind: { in: ['appeal_reminder', 'appeal_overdue'] } } });
    const before = await notes();
    expect(before).toBeGreaterThan(0);

    // A lost job is repaired by the daily sweep while the appeal is pending.
    await db()
      .$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key LIKE ${`appeal-deadline:${appeal.id}:%`}`;
    expect((await dailySweep()).appealJobsRepaired).toBe(1);
    expect((await appealJobs(appeal.id)).map((j) => j.key)).toEqual([`appeal-deadline:${appeal.id}:overdue`]);

    await decideAppeal({
      staff: otherAdmin,
      appealId: appeal.id,
      outcome: 'rejected',
      message: 'The decision stands, as explained.',
    });
    expect(await appealJobs(appeal.id)).toEqual([]);
    expect((await dailySweep()).appealJobsRepaired).toBe(0);
    // Days later, even a job that survived would note nothing for a decided appeal.
    await notifyDeadline({
      requestId,
      appealId: appeal.id,
      kind: 'overdue',
      dueAt: appeal.dueAt.toISOString(),
      now: new Date(Date.now() + 2 * DAY),
    });
    await advanceQueueTo(new Date(Date.now() + 3 * DAY));
    await runDueJobs();
    expect(await notes()).toBe(before);
    expect(await listPendingAppeals({ staff: reviewer })).toEqual([]);
  });
});
