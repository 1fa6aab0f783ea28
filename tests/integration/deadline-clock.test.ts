import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { dailySweep } from '../../lib/clock/daily-sweep';
import { extendDeadline } from '../../lib/clock/extend-deadline';
import { pauseClock } from '../../lib/clock/pause-clock';
import { requestTimeZone } from '../../lib/clock/request-deadline';
import { resumeClock } from '../../lib/clock/resume-clock';
import { db } from '../../lib/db';
import { env } from '../../lib/env';
import type { NewRequest } from '../../lib/universal/request-schema';
import { submitRequest } from '../../lib/requests/submit-request';
import { verifyRequest } from '../../lib/verification/verify-request';
import { advanceQueueTo, runDueJobs } from '../support/jobs';
import { queuedJobs, resetDatabase } from '../support/reset-database';
import { aRequest, latestVerificationToken } from '../support/requests';
import { aStaffMember } from '../support/staff';

const DAY = 86_400_000;
const staffActor = (id: string) => ({ type: 'staff' as const, id });

beforeEach(resetDatabase);

/**
 * A request received and verified `daysAgo` calendar days ago in its jurisdiction's zone (at this
 * hour of that day): its clock has been running that long, whatever the hour or a DST change since.
 */
async function verifiedRequest(daysAgo: number, overrides: Partial<NewRequest> = {}) {
  const input = aRequest(overrides);
  const at = DateTime.now().setZone(requestTimeZone(input)).minus({ days: daysAgo }).toJSDate();
  const created = await submitRequest({ input, channel: 'web', now: at });
  await verifyRequest({ token: await latestVerificationToken(input.email), now: new Date(at.getTime() + 60_000) });
  return { input, ...(await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } })) };
}

const digests = (to: string) => db().outboxEmail.findMany({ where: { template: 'staff-digest', to } });

describe('staff reminders and escalation', () => {
  it('schedules reminders 7 and 2 days before the due date and the escalation on it', async () => {
    const request = await verifiedRequest(0, { jurisdiction: 'US-CA' });
    const jobs = await queuedJobs('deadline-reminder');
    const byKey = Object.fromEntries(jobs.map((j) => [j.key, j.run_at.getTime()]));
    expect(byKey[`deadline:${request.id}:reminder:7`]).toBe(request.dueAt.getTime() - 7 * DAY);
    expect(byKey[`deadline:${request.id}:reminder:2`]).toBe(request.dueAt.getTime() - 2 * DAY);
    expect(byKey[`deadline:${request.id}:overdue`]).toBe(request.dueAt.getTime());
  });

  it('a reminder reaches the assignee, or every admin while nobody is assigned, as one digest for several requests', async () => {
    const [adminA, adminB] = [await aStaffMember('admin'), await aStaffMember('admin')];
    await aStaffMember('admin', { deactivatedAt: new Date() });
    // US-CA: due 45 days after receipt; received 40 days ago, so the 7-day reminder is due now.
    const first = await verifiedRequest(40, { jurisdiction: 'US-CA' });
    const second = await verifiedRequest(39, { jurisdiction: 'US-CA' });
    await runDueJobs();
    // The digest waits a minute to gather; move the queue's clock past it.
    await advanceQueueTo(new Date(Date.now() + 2 * 60_000));
    await runDueJobs();
    for (const admin of [adminA, adminB]) {
      const mails = await digests(admin.email);
      expect(mails.length).toBe(1);
      expect(mails[0].subject).toBe('2 privacy requests are due soon');
      for (const r of [first, second]) expect(mails[0].text).toContain(`/admin/requests/${r.id}`);
    }
    expect(await db().outboxEmail.count({ where: { template: 'staff-digest' } })).toBe(2);
  });

  it('an overdue request escalates to the assignee and all admins, once a day while it stays open', async () => {
    const admin = await aStaffMember('admin');
    const reviewer = await aStaffMember('reviewer');
    const request = await verifiedRequest(50, { jurisdiction: 'US-VA' });
    await db().privacyRequest.update({ where: { id: request.id }, data: { assigneeId: reviewer.id } });
    await runDueJobs();
    await advanceQueueTo(new Date(Date.now() + 2 * 60_000));
    await runDueJobs();
    for (const person of [admin, reviewer]) {
      const mails = await digests(person.email);
      expect(mails.map((m) => m.subject)).toEqual(['1 privacy request is overdue']);
      expect(mails[0].text).toMatch(/5 days overdue/);
    }
    // The escalation is scheduled again for tomorrow, under the same key (replaced, not duplicated).
    const overdueJobs = (await queuedJobs('deadline-reminder')).filter(
      (j) => j.key === `deadline:${request.id}:overdue`,
    );
    expect(overdueJobs.length).toBe(1);
    expect(overdueJobs[0].run_at.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    // Running it again today adds nothing: one digest per person per day.
    await advanceQueueTo(new Date(Date.now() + 2 * DAY));
    await runDueJobs();
    expect((await digests(admin.email)).length).toBe(1);
  });

  it('a job left from an older due date does nothing', async () => {
    const admin = await aStaffMember('admin');
    const request = await verifiedRequest(40, { jurisdiction: 'US-CA' });
    await db().privacyRequest.update({
      where: { id: request.id },
      data: { dueAt: new Date(request.dueAt.getTime() + 30 * DAY) },
    });
    await runDueJobs();
    await advanceQueueTo(new Date(Date.now() + 2 * 60_000));
    await runDueJobs();
    expect((await digests(admin.email)).length).toBe(0);
  });
});

describe('pausing, resuming and extending the clock', () => {
  it('UK: a 10-day pause moves the due date by 10 days and reschedules its jobs by key', async () => {
    const reviewer = await aStaffMember('reviewer');
    const request = await verifiedRequest(0, { jurisdiction: 'UK' });
    const pausedAt = new Date();
    const paused = await db().$transaction((tx) =>
      pauseClock(tx, {
        requestId: request.id,
        reason: 'awaiting_identity',
        actor: staffActor(reviewer.id),
        now: pausedAt,
      }),
    );
    expect(paused).toEqual({ paused: true, refusal: null });
    expect((await queuedJobs('deadline-reminder')).length).toBe(0);
    const resumedAt = new Date(pausedAt.getTime() + 10 * DAY + 3600_000);
    const deadline = await db().$transaction((tx) =>
      resumeClock(tx, { requestId: request.id, actor: { type: 'requester' }, now: resumedAt }),
    );
    expect(deadline!.pausedDays).toBe(10);
    const after = await db().privacyRequest.findUniqueOrThrow({ where: { id: request.id } });
    // The unrolled date moves exactly ten days; the roll past weekends and bank holidays (which may
    // have moved the first date already) shifts either end by at most four days.
    const moved = (after.dueAt.getTime() - request.dueAt.getTime()) / DAY;
    expect(moved).toBeGreaterThanOrEqual(6);
    expect(moved).toBeLessThanOrEqual(14);
    expect(deadline!.explanation.join('\n')).toMatch(/clock paused 10 days/);
    expect(after.dueAt.getTime()).toBe(deadline!.dueAt.getTime());
    const jobs = await queuedJobs('deadline-reminder');
    expect(jobs.length).toBe(3);
    expect(jobs.find((j) => j.key === `deadline:${request.id}:overdue`)!.run_at.getTime()).toBe(after.dueAt.getTime());
    const audit = await db().auditEvent.findMany({
      where: { requestId: request.id, action: { in: ['clock.paused', 'clock.resumed'] } },
    });
    expect(audit.map((a) => a.public)).toEqual([true, true]);
  });

  it('US-CA: the clock does not pause (the 45 days run regardless)', async () => {
    const reviewer = await aStaffMember('reviewer');
    const request = await verifiedRequest(0, { jurisdiction: 'US-CA' });
    const paused = await db().$transaction((tx) =>
      pauseClock(tx, { requestId: request.id, reason: 'awaiting_identity', actor: staffActor(reviewer.id) }),
    );
    expect(paused.paused).toBe(false);
    expect(paused.refusal).toContain('CCPA regs §7021(b)');
    expect(await db().clockPause.count()).toBe(0);
    expect((await queuedJobs('deadline-reminder')).length).toBe(3);
  });

  it('UK: extending sets the date three months from the start and sends the reason to the requester, once', async () => {
    const reviewer = await aStaffMember('reviewer');
    const request = await verifiedRequest(0, { jurisdiction: 'UK' });
    const reason = 'Your request covers several systems and a large volume of data.';
    const extended = await db().$transaction((tx) =>
      extendDeadline(tx, { requestId: request.id, reason, actor: staffActor(reviewer.id) }),
    );
    expect(extended.dueAt.getTime()).toBe(extended.maxExtendedDueAt!.getTime());
    const months = (extended.dueAt.getTime() - request.receivedAt.getTime()) / DAY;
    expect(months).toBeGreaterThan(88);
    expect(months).toBeLessThan(96);
    const email = await db().outboxEmail.findFirstOrThrow({
      where: { requestId: request.id, template: 'deadline-extended' },
    });
    expect(email.to).toBe(request.input.email);
    expect(email.text).toContain(reason);
    expect(email.text).toMatch(/\/status\/[0-9a-f-]{36}\?token=/);
    await expect(
      db().$transaction((tx) => extendDeadline(tx, { requestId: request.id, reason, actor: staffActor(reviewer.id) })),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses an extension without a reason, after the due date, or where the law has none', async () => {
    const reviewer = await aStaffMember('reviewer');
    const actor = staffActor(reviewer.id);
    const uk = await verifiedRequest(0, { jurisdiction: 'UK' });
    await expect(
      db().$transaction((tx) => extendDeadline(tx, { requestId: uk.id, reason: 'busy', actor })),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const late = await verifiedRequest(50, { jurisdiction: 'US-CA' });
    await expect(
      db().$transaction((tx) =>
        extendDeadline(tx, { requestId: late.id, reason: 'We need more time to search.', actor }),
      ),
    ).rejects.toThrow(/deadline has passed/);
    const br = await verifiedRequest(0, { jurisdiction: 'BR' });
    await expect(
      db().$transaction((tx) =>
        extendDeadline(tx, { requestId: br.id, reason: 'We need more time to search.', actor }),
      ),
    ).rejects.toThrow(/allow no extension/);
  });
});

describe('acknowledgement and expiry', () => {
  it('US-CA: an unconfirmed request still gets its receipt confirmed before 10 business days', async () => {
    const input = aRequest({ jurisdiction: 'US-CA' });
    const created = await submitRequest({ input, channel: 'api' });
    const [job] = await queuedJobs('acknowledge-request');
    const businessDaysAhead = (job.run_at.getTime() - Date.now()) / DAY;
    expect(businessDaysAhead).toBeGreaterThan(10);
    expect(businessDaysAhead).toBeLessThan(17);
    await advanceQueueTo(job.run_at);
    await runDueJobs();
    const ack = await db().outboxEmail.findMany({ where: { requestId: created.id, template: 'request-acknowledged' } });
    expect(ack.length).toBe(1);
    expect(ack[0].text).toMatch(/We will answer by \d{1,2} \w+ \d{4}/);
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } })).acknowledgedAt).toBeInstanceOf(
      Date,
    );
  });

  it('verifying counts as the acknowledgement: the job goes away', async () => {
    await verifiedRequest(0, { jurisdiction: 'US-CA' });
    expect((await queuedJobs('acknowledge-request')).length).toBe(0);
  });

  it('an unverified request is closed with its link (could not verify) and the requester is told how to file again', async () => {
    const input = aRequest();
    const created = await submitRequest({
      input,
      channel: 'web',
      now: new Date(Date.now() - (env().verificationTtlHours + 1) * 3600_000),
    });
    await runDueJobs();
    const row = await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ status: 'denied', denialReason: 'cannot_verify' });
    const email = await db().outboxEmail.findFirstOrThrow({
      where: { requestId: created.id, template: 'request-not-verified' },
    });
    expect(email.text).toMatch(/Make a new request/);
  });
});

describe('the daily sweep', () => {
  it('repairs lost jobs and fixes a wrong due date, and is idempotent', async () => {
    const request = await verifiedRequest(1, { jurisdiction: 'EU' });
    const unverified = await submitRequest({ input: aRequest(), channel: 'web' });
    await db().$executeRaw`DELETE FROM graphile_worker._private_jobs`;
    await db().privacyRequest.update({ where: { id: request.id }, data: { dueAt: new Date('2030-01-01') } });

    const report = await dailySweep();
    expect(report).toMatchObject({ dueDatesFixed: 1, expiryJobsRepaired: 1, emailJobsRepaired: 0 });
    const fixed = await db().privacyRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(fixed.dueAt.getTime()).toBe(request.dueAt.getTime());
    const keys = (await queuedJobs()).map((j) => j.key).sort();
    expect(keys).toEqual(
      expect.arrayContaining([`deadline:${request.id}:overdue`, `expire-unverified:${unverified.id}`]),
    );

    const again = await dailySweep();
    expect(again).toMatchObject({ dueDatesFixed: 0, deadlineJobsRepaired: 0, expiryJobsRepaired: 0 });
    expect((await queuedJobs()).map((j) => j.key).sort()).toEqual(keys);
  });

  it('gives a pending email whose delivery job was lost a new one', async () => {
    const created = await submitRequest({ input: aRequest(), channel: 'web', now: new Date(Date.now() - 10 * 60_000) });
    await db().outboxEmail.updateMany({
      where: { requestId: created.id },
      data: { createdAt: new Date(Date.now() - 10 * 60_000) },
    });
    await db().$executeRaw`DELETE FROM graphile_worker._private_jobs`;
    expect((await dailySweep()).emailJobsRepaired).toBe(1);
    await runDueJobs();
    expect(await db().outboxEmail.count({ where: { requestId: created.id, status: 'sent' } })).toBe(1);
  });
});
