/**
 * Pauses per reason and mixed requests (issue #14 §4, §6), on real PostgreSQL with a pinned clock:
 * every step passes `now`, so the due dates asserted below are days of the calendar, whatever the
 * hour the suite runs at.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { pauseClock } from '../../lib/clock/pause-clock';
import { db } from '../../lib/db';
import { formatPublicDate } from '../../lib/deadlines/zoned-day';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { askRequester } from '../../lib/requests/staff/ask-requester';
import { completeRequest } from '../../lib/requests/staff/complete-request';
import { extendRequestDeadline } from '../../lib/requests/staff/extend-request-deadline';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import type { NewRequest } from '../../lib/universal/request-schema';
import { verifyRequest } from '../../lib/verification/verify-request';
import { queuedJobs, resetDatabase } from '../support/reset-database';
import { aRequest, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';

// Monday 2 March 2026, 09:00 in Los Angeles, 17:00 in London.
const T0 = new Date('2026-03-02T17:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const DAY_MINUTES = 24 * 60;
const LA = 'America/Los_Angeles';
const localDay = (date: Date, timeZone: string) => date.toLocaleDateString('en-CA', { timeZone });

let reviewer: StaffIdentity;

beforeEach(async () => {
  await resetDatabase();
  reviewer = await aStaffIdentity('reviewer');
});

/**
 * A request received at T0, verified five minutes later, and started: the clock runs. `onReceipt`
 * looks at it between receipt and verification.
 */
async function startedRequest(overrides: Partial<NewRequest>, onReceipt?: (id: string) => Promise<void>) {
  const input = aRequest(overrides);
  const { id } = await submitRequest({ input, channel: 'web', now: T0 });
  await onReceipt?.(id);
  await verifyRequest({ token: await latestVerificationToken(input.email), now: later(5) });
  await startRequest({ staff: reviewer, requestId: id });
  return db().privacyRequest.findUniqueOrThrow({ where: { id } });
}

const ask = (requestId: string, reason: 'awaiting_identity' | 'awaiting_clarification') =>
  askRequester({
    staff: reviewer,
    requestId,
    reason,
    message: 'Which of your accounts does the request cover?',
    now: later(60),
  });

describe('pauses per reason', () => {
  it('GDPR Art. 12(3): a clarification question goes, but the EU clock keeps running, and staff are told why', async () => {
    const request = await startedRequest({ jurisdiction: 'EU', types: ['access'] });
    const result = await ask(request.id, 'awaiting_clarification');
    expect(result.clockPaused).toBe(false);
    expect(result.pauseRefusal).toMatch(/does not stop the clock of access requests in EU: GDPR Art\. 12\(3\)/);
    expect(await db().clockPause.count({ where: { requestId: request.id } })).toBe(0);
    const after = await db().privacyRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(after.status).toBe('awaiting_requester');
    expect(after.dueAt).toEqual(request.dueAt);
    const refused = await db().auditEvent.findFirstOrThrow({
      where: { requestId: request.id, action: 'clock.pause_not_allowed' },
    });
    expect(refused.data).toMatchObject({ reason: 'awaiting_clarification', refusal: result.pauseRefusal });
    expect(await queuedJobs('deadline-reminder')).not.toHaveLength(0); // reminders still run
  });

  it('EDPB Guidelines 01/2022: waiting for proof of identity stops the EU clock', async () => {
    const request = await startedRequest({ jurisdiction: 'EU', types: ['deletion'] });
    const result = await ask(request.id, 'awaiting_identity');
    expect(result).toEqual({ clockPaused: true, pauseRefusal: null });
    const pause = await db().clockPause.findFirstOrThrow({ where: { requestId: request.id } });
    expect(pause).toMatchObject({ reason: 'awaiting_identity', startedAt: later(60), endedAt: null });
  });

  it('UK GDPR Art. 12A: a clarification pause is refused for deletion and allowed for access', async () => {
    const deletion = await startedRequest({ jurisdiction: 'UK', types: ['deletion'] });
    const refused = await ask(deletion.id, 'awaiting_clarification');
    expect(refused.clockPaused).toBe(false);
    expect(refused.pauseRefusal).toContain('deletion requests in UK');
    expect(refused.pauseRefusal).toContain('s.54(3C)');
    expect(await db().clockPause.count({ where: { requestId: deletion.id } })).toBe(0);

    const access = await startedRequest({ jurisdiction: 'UK', types: ['access'] });
    expect(await ask(access.id, 'awaiting_clarification')).toEqual({ clockPaused: true, pauseRefusal: null });
    expect(await db().clockPause.findFirstOrThrow({ where: { requestId: access.id } })).toMatchObject({
      reason: 'awaiting_clarification',
    });
  });

  it('UK GDPR Art. 12A: waiting for identity stops the clock of any UK request', async () => {
    const deletion = await startedRequest({ jurisdiction: 'UK', types: ['deletion'] });
    expect(await ask(deletion.id, 'awaiting_identity')).toEqual({ clockPaused: true, pauseRefusal: null });
  });

  it('UK: a request for access and deletion does not pause for a clarification, since deletion would not', async () => {
    const mixed = await startedRequest({ jurisdiction: 'UK', types: ['access', 'deletion'] });
    const outcome = await db().$transaction((tx) =>
      pauseClock(tx, {
        requestId: mixed.id,
        reason: 'awaiting_clarification',
        actor: { type: 'staff', id: reviewer.id },
        now: later(60),
      }),
    );
    expect(outcome.paused).toBe(false);
    expect(outcome.refusal).toContain('deletion requests in UK');
  });
});

describe('a California request for access and opt-out keeps every clock', () => {
  it('keeps the access acknowledgement and extension, opt-out first, then access', async () => {
    // Due at the opt-out's 15 business days; the access clock's 10-business-day acknowledgement stays
    // (§7021(a)): its job is queued at receipt (verification's receipt email then meets it).
    const request = await startedRequest({ jurisdiction: 'US-CA', types: ['access', 'opt_out_sale'] }, async (id) => {
      const [acknowledgement] = await queuedJobs('acknowledge-request');
      expect(acknowledgement?.payload).toEqual({ requestId: id });
      expect(localDay(acknowledgement.run_at, LA)).toBe('2026-03-15'); // a day before 16 March
    });
    expect(localDay(request.dueAt, LA)).toBe('2026-03-23');

    // §7021(b): access extends to 90 days; the opt-out keeps its 15 business days (§7026(f)).
    await extendRequestDeadline({
      staff: reviewer,
      requestId: request.id,
      reason: 'Your data is spread over several archived systems.',
      now: later(DAY_MINUTES),
    });
    const extended = await db().privacyRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(extended.extendedAt).toEqual(later(DAY_MINUTES));
    expect(extended.dueAt).toEqual(request.dueAt);
    const extensionMail = await db().outboxEmail.findFirstOrThrow({
      where: { requestId: request.id, template: 'deadline-extended' },
    });
    expect(extensionMail.text).toContain('16 April 2026');
    expect(extensionMail.text).toContain('31 May 2026');

    // A type the request does not have is refused.
    await expect(
      completeRequest({ staff: reviewer, requestId: request.id, message: 'Done with that.', types: ['deletion'] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    // The opt-out at once: the requester is told, the request stays open, due at the access clock.
    const first = await completeRequest({
      staff: reviewer,
      requestId: request.id,
      message: 'We no longer sell or share your personal information.',
      types: ['opt_out_sale'],
      now: later(2 * DAY_MINUTES),
    });
    expect(first.completed).toBe(false);
    const afterOptOut = await db().privacyRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(afterOptOut.status).toBe('in_progress');
    expect(afterOptOut.completedTypes).toEqual(['opt_out_sale']);
    expect(localDay(afterOptOut.dueAt, LA)).toBe('2026-05-31');
    const overdue = (await queuedJobs('deadline-reminder')).find((j) => j.key === `deadline:${request.id}:overdue`);
    expect(overdue?.run_at).toEqual(afterOptOut.dueAt);
    const partMail = await db().outboxEmail.findFirstOrThrow({
      where: { requestId: request.id, template: 'request-decided' },
    });
    expect(partMail.subject).toContain('We have completed part of your privacy request');
    expect(partMail.text).toContain('Completed now: opt-out of sale or sharing.');
    expect(partMail.text).toContain(`We will answer by ${formatPublicDate(afterOptOut.dueAt, LA)} at the latest`);
    expect(await db().auditEvent.count({ where: { requestId: request.id, action: 'request.types_completed' } })).toBe(
      1,
    );

    // Then access: the request is completed.
    const second = await completeRequest({
      staff: reviewer,
      requestId: request.id,
      message: 'Here is a summary of your data.',
      types: ['access'],
      now: later(10 * DAY_MINUTES),
    });
    expect(second.completed).toBe(true);
    const done = await db().privacyRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(done.status).toBe('completed');
    expect(done.completedTypes).toEqual(['opt_out_sale', 'access']);
    const mails = await db().outboxEmail.findMany({
      where: { requestId: request.id, template: 'request-decided' },
      orderBy: { createdAt: 'asc' },
    });
    expect(mails.map((m) => m.subject)).toEqual([
      expect.stringContaining('We have completed part of your privacy request'),
      expect.stringContaining('We have completed your privacy request'),
    ]);
    expect(await queuedJobs('deadline-reminder')).toHaveLength(0);
  });

  it('CCPA regs §7021(b): access can still be extended after the opt-out clock has run out', async () => {
    const request = await startedRequest({ jurisdiction: 'US-CA', types: ['access', 'opt_out_sale'] });
    // 25 days on: past the opt-out's 23 March, well within access's 45 days.
    await extendRequestDeadline({
      staff: reviewer,
      requestId: request.id,
      reason: 'Your data is spread over several archived systems.',
      now: later(25 * DAY_MINUTES),
    });
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { requestId: request.id, action: 'deadline.extended' },
    });
    expect(audit.data).toMatchObject({ types: ['access'] });
    expect(localDay(new Date((audit.data as { dueAt: string }).dueAt), LA)).toBe('2026-05-31');
  });

  it('a request whose only open type has no extension in its law cannot be extended', async () => {
    const request = await startedRequest({ jurisdiction: 'US-CA', types: ['access', 'opt_out_sale'] });
    await completeRequest({
      staff: reviewer,
      requestId: request.id,
      message: 'Here is a summary of your data.',
      types: ['access'],
      now: later(DAY_MINUTES),
    });
    await expect(
      extendRequestDeadline({
        staff: reviewer,
        requestId: request.id,
        reason: 'We need more time for the opt-out.',
        now: later(2 * DAY_MINUTES),
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('allow no extension') });
  });

  it('completing every open type at once completes the request, as before', async () => {
    const request = await startedRequest({ jurisdiction: 'US-CA', types: ['access', 'opt_out_sale'] });
    const result = await completeRequest({
      staff: reviewer,
      requestId: request.id,
      message: 'Both parts are done.',
      now: later(DAY_MINUTES),
    });
    expect(result.completed).toBe(true);
    const done = await db().privacyRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(done.status).toBe('completed');
    expect(done.completedTypes).toEqual(['access', 'opt_out_sale']);
  });
});
