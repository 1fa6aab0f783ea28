import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GET as statusPage } from '../../app/(public)/status/[id]/route';
import { submitAppeal } from '../../lib/appeals/submit-appeal';
import { db } from '../../lib/db';
import { formatPublicDateTime } from '../../lib/deadlines/zoned-day';
import { env } from '../../lib/env';
import { getCcpaReport } from '../../lib/metrics/ccpa-report';
import { getRequestMetrics } from '../../lib/metrics/get-request-metrics';
import { expireUnverifiedRequest } from '../../lib/requests/expire-unverified-request';
import { getRequestStatus } from '../../lib/requests/get-request-status';
import { reopenRequest } from '../../lib/requests/staff/reopen-request';
import { submitRequest } from '../../lib/requests/submit-request';
import type { NewRequest } from '../../lib/universal/request-schema';
import { remindUnverifiedRequest } from '../../lib/verification/remind-unverified-request';
import { resendVerification } from '../../lib/verification/resend-verification';
import { verifyRequest } from '../../lib/verification/verify-request';
import { advanceQueueTo, runDueJobs } from '../support/jobs';
import { queuedJobs, resetDatabase } from '../support/reset-database';
import { aRequest, latestVerificationToken } from '../support/requests';
import { scopedEnv } from '../support/scoped-env';
import { aStaffIdentity } from '../support/staff';

const HOUR = 3600_000;
const settings = scopedEnv(['VERIFICATION_TTL_DAYS', 'VERIFICATION_TTL_HOURS', 'VERIFICATION_REMINDER_HOURS']);

beforeEach(async () => {
  settings.set({});
  await resetDatabase();
});
afterEach(() => settings.restore());

async function submittedAt(now: Date, overrides: Partial<NewRequest> = {}) {
  const input = aRequest(overrides);
  const created = await submitRequest({ input, channel: 'web', ip: '203.0.113.9', userAgent: 'test-browser', now });
  return { input, created };
}

/** The token of the link in the newest email of `template` to `email`. */
async function linkIn(email: string, template: string, pattern: RegExp) {
  const row = await db().outboxEmail.findFirstOrThrow({
    where: { to: email, template },
    orderBy: { createdAt: 'desc' },
  });
  const match = pattern.exec(row.text);
  if (!match) throw new Error(`no link in the ${template} email`);
  return { row, match };
}

const reminderToken = async (email: string) =>
  (await linkIn(email, 'verification-reminder', /\/verify\?token=([A-Za-z0-9_-]{43})/)).match[1];

async function closingEmail(email: string) {
  const { row, match } = await linkIn(
    email,
    'request-not-verified',
    /\/status\/([0-9a-f-]{36})\?token=([A-Za-z0-9_-]{43})/,
  );
  return { text: row.text, subject: row.subject, link: { requestId: match[1], token: match[2] } };
}

describe('the verification link and its reminder', () => {
  it('lives 10 days by default, and the email says so', async () => {
    const now = new Date();
    const { input, created } = await submittedAt(now);
    const link = await db().verificationLink.findFirstOrThrow({ where: { requestId: created.id } });
    expect(link.expiresAt.getTime() - now.getTime()).toBe(240 * HOUR);
    const email = await db().outboxEmail.findFirstOrThrow({ where: { to: input.email, template: 'verify-request' } });
    expect(email.text).toContain('expires in 10 days');
  });

  it('is reminded once, 48 hours ahead, with a working link that runs out at the original moment', async () => {
    const now = new Date();
    const { input, created } = await submittedAt(now, { jurisdiction: 'US-CA' });
    const first = await latestVerificationToken(input.email);
    const expiresAt = new Date(now.getTime() + 240 * HOUR);
    const [reminder] = await queuedJobs('remind-unverified-request');
    expect(reminder).toMatchObject({
      key: `remind-unverified:${created.id}`,
      payload: { requestId: created.id, expiresAt: expiresAt.toISOString() },
    });
    expect(reminder.run_at.getTime()).toBe(expiresAt.getTime() - 48 * HOUR);
    const [expiry] = await queuedJobs('expire-unverified-request');

    // Through the queue, with the real handler; then the same job again, as a retry would run it.
    await advanceQueueTo(reminder.run_at);
    await runDueJobs();
    await remindUnverifiedRequest({ requestId: created.id, expiresAt: expiresAt.toISOString() });
    const reminders = await db().outboxEmail.findMany({
      where: { requestId: created.id, template: 'verification-reminder' },
    });
    expect(reminders.length).toBe(1);
    expect(reminders[0].text).toContain(`expires on ${formatPublicDateTime(expiresAt, 'America/Los_Angeles')}`);
    expect(reminders[0].text).toMatch(/, Los Angeles time/);
    expect(await db().auditEvent.count({ where: { requestId: created.id, action: 'verification.reminded' } })).toBe(1);

    // The reminder does not give the request longer: its link and the expiry keep the original moment.
    const token = await reminderToken(input.email);
    const links = await db().verificationLink.findMany({
      where: { requestId: created.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(links.map((l) => l.expiresAt.getTime())).toEqual([expiresAt.getTime(), expiresAt.getTime()]);
    const [expiryAfter] = await queuedJobs('expire-unverified-request');
    expect(expiryAfter.run_at.getTime()).toBe(expiry.run_at.getTime());
    expect(await verifyRequest({ token, now: new Date(expiresAt.getTime() + 1) })).toEqual({
      outcome: 'expired',
      canResend: true,
    });
    // Only the newest link works.
    expect(await verifyRequest({ token: first, now: new Date(expiresAt.getTime() - 60_000) })).toEqual({
      outcome: 'used',
      canResend: true,
    });
    expect((await verifyRequest({ token, now: new Date(expiresAt.getTime() - 60_000) })).outcome).toBe('verified');
  });

  it('is not sent once the request is confirmed', async () => {
    const now = new Date();
    const { input, created } = await submittedAt(now);
    const [reminder] = await queuedJobs('remind-unverified-request');
    await verifyRequest({ token: await latestVerificationToken(input.email) });
    expect(await queuedJobs('remind-unverified-request')).toEqual([]);
    // A job that ran anyway (taken before the verification committed) does nothing.
    await remindUnverifiedRequest({
      requestId: created.id,
      expiresAt: (reminder.payload as { expiresAt: string }).expiresAt,
      now: reminder.run_at,
    });
    expect(await db().outboxEmail.count({ where: { requestId: created.id, template: 'verification-reminder' } })).toBe(
      0,
    );
  });

  it('a re-send moves both the reminder and the expiry to the new link; the old reminder does nothing', async () => {
    const t0 = new Date();
    const { input, created } = await submittedAt(t0);
    const [oldReminder] = await queuedJobs('remind-unverified-request');
    const t1 = new Date(t0.getTime() + 3 * 24 * HOUR);
    await resendVerification({ requestId: created.id, submissionToken: created.submissionToken, now: t1 });
    const newExpiry = new Date(t1.getTime() + 240 * HOUR);
    const reminders = await queuedJobs('remind-unverified-request');
    expect(reminders.length).toBe(1);
    expect(reminders[0].payload).toEqual({ requestId: created.id, expiresAt: newExpiry.toISOString() });
    expect(reminders[0].run_at.getTime()).toBe(newExpiry.getTime() - 48 * HOUR);
    const expiries = await queuedJobs('expire-unverified-request');
    expect(expiries.map((j) => j.run_at.getTime())).toEqual([newExpiry.getTime()]);

    await remindUnverifiedRequest({
      requestId: created.id,
      expiresAt: (oldReminder.payload as { expiresAt: string }).expiresAt,
      now: oldReminder.run_at,
    });
    expect(await db().outboxEmail.count({ where: { to: input.email, template: 'verification-reminder' } })).toBe(0);
    await remindUnverifiedRequest({
      requestId: created.id,
      expiresAt: newExpiry.toISOString(),
      now: reminders[0].run_at,
    });
    expect(await db().outboxEmail.count({ where: { to: input.email, template: 'verification-reminder' } })).toBe(1);
  });

  it('follows the configuration: no reminder when the link lives no longer than the lead; the old variable still works', async () => {
    settings.set({ VERIFICATION_TTL_HOURS: '36' });
    const { input } = await submittedAt(new Date());
    expect(await queuedJobs('remind-unverified-request')).toEqual([]);
    const email = await db().outboxEmail.findFirstOrThrow({ where: { to: input.email, template: 'verify-request' } });
    expect(email.text).toContain('expires in 36 hours');

    settings.set({ VERIFICATION_TTL_DAYS: '3', VERIFICATION_REMINDER_HOURS: '12' });
    const now = new Date();
    const { created } = await submittedAt(now);
    const [reminder] = await queuedJobs('remind-unverified-request');
    expect(reminder.key).toBe(`remind-unverified:${created.id}`);
    expect(reminder.run_at.getTime()).toBe(now.getTime() + 72 * HOUR - 12 * HOUR);

    settings.set({ VERIFICATION_TTL_DAYS: '3', VERIFICATION_TTL_HOURS: '72' });
    expect(() => env()).toThrow(/VERIFICATION_TTL_DAYS or VERIFICATION_TTL_HOURS, not both/);
  });
});

describe('a request not confirmed in time', () => {
  /** A request whose link ran out an hour ago, closed by its job. */
  async function closedUnconfirmed(overrides: Partial<NewRequest>) {
    const { input, created } = await submittedAt(new Date(Date.now() - 241 * HOUR), overrides);
    await expireUnverifiedRequest({ requestId: created.id });
    return { input, created, row: await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } }) };
  }

  it('is denied as "could not verify" by the system, with a status link and the appeal Virginia gives', async () => {
    const { input, created, row } = await closedUnconfirmed({ jurisdiction: 'US-VA', types: ['deletion'] });
    expect(row).toMatchObject({
      status: 'denied',
      denialReason: 'cannot_verify',
      partial: false,
      decidedById: null,
      verifiedAt: null,
      unverifiedSlot: null,
    });
    expect(row.decidedAt).toBeInstanceOf(Date);
    expect(row.closedAt).toEqual(row.decidedAt);
    const events = await db().auditEvent.findMany({ where: { requestId: created.id }, orderBy: { id: 'asc' } });
    expect(events.at(-1)).toMatchObject({
      action: 'request.denied',
      actorType: 'system',
      data: { reason: 'cannot_verify', partial: false, unconfirmed: true },
    });
    expect(await queuedJobs('remind-unverified-request')).toEqual([]);

    const email = await closingEmail(input.email);
    expect(email.subject).toMatch(/We could not verify your privacy request BR-/);
    expect(email.text).toContain('Reason: we could not verify your identity.');
    expect(email.text).toContain('the parts of your request that needed verification');
    expect(email.text).toMatch(/You can appeal this decision within 60 days/);
    expect(email.text).toMatch(/Virginia Attorney General/);
    expect(email.text).toContain('Make a new request');

    // Whoever holds the mailbox sees the decision and can appeal it, from the emailed link.
    const status = await getRequestStatus(email.link);
    expect(status).toMatchObject({
      id: created.id,
      status: 'denied',
      denialReason: 'cannot_verify',
      appeal: { canAppeal: true, made: null },
    });
    const page = await (
      await statusPage(new Request(`http://portal.test/status/${email.link.requestId}?token=${email.link.token}`), {
        params: Promise.resolve({ id: email.link.requestId }),
      })
    ).text();
    expect(page).toContain('Closed — we could not verify this request');
    expect(page).toContain('Appeal our decision');
    expect(page).toContain('the email address was not confirmed in time');

    await submitAppeal({
      ...email.link,
      statement: 'I made this request; the email went to my spam folder.',
      ip: '198.51.100.7',
      userAgent: 'appellant-browser',
    });
    const appealed = await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(await db().requestAppeal.count({ where: { requestId: created.id } })).toBe(1);
    // The status link went only to the request's address: the appeal proves the mailbox.
    expect(appealed.verifiedAt).toBeInstanceOf(Date);
    expect(appealed.verifiedIp).toBe('198.51.100.7');
  });

  it('California: says what the law allows without verification and points to the privacy policy; no appeal', async () => {
    const { input, created } = await closedUnconfirmed({ jurisdiction: 'US-CA', types: ['access'] });
    const email = await closingEmail(input.email);
    expect(email.text).toMatch(/§7024/);
    expect(email.text).toMatch(/specific pieces of information that we cannot verify as a request for the categories/);
    expect(email.text).toContain(env().PRIVACY_POLICY_URL);
    expect(email.text).toMatch(/You can make a new request at any time/);
    expect(email.text).not.toMatch(/appeal/i);
    expect((await getRequestStatus(email.link)).appeal.canAppeal).toBe(false);
    await expect(
      submitAppeal({ ...email.link, statement: 'I would like to appeal this decision please.' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'This decision cannot be appealed on this page.' });
    // The California acknowledgement has nothing left to do.
    expect((await queuedJobs('acknowledge-request')).filter((j) => j.payload.requestId === created.id)).toEqual([]);
  });

  it('Colorado: the reason and how to appeal, and the appeal is open from the status link', async () => {
    const { input } = await closedUnconfirmed({ jurisdiction: 'US-CO', types: ['access', 'deletion'] });
    const email = await closingEmail(input.email);
    expect(email.text).toContain('Reason: we could not verify your identity.');
    expect(email.text).toMatch(/You can appeal this decision within \d+ days/);
    expect(email.text).toMatch(/Colorado Attorney General/);
    expect((await getRequestStatus(email.link)).appeal.canAppeal).toBe(true);
  });

  it('EU: names the supervisory authority and the courts; no appeal', async () => {
    const { input } = await closedUnconfirmed({ jurisdiction: 'EU' });
    const email = await closingEmail(input.email);
    expect(email.text).toMatch(/supervisory authority/);
    expect(email.text).toMatch(/GDPR Art\. 12\(4\), 77/);
    expect(email.text).toMatch(/judicial remedy.*Art\. 79/);
    await expect(
      submitAppeal({ ...email.link, statement: 'I would like to appeal this decision please.' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db().requestAppeal.count()).toBe(0);
  });

  it('its old links say the request is closed, it cannot be re-sent, and staff cannot reopen it', async () => {
    const { input, created } = await closedUnconfirmed({ jurisdiction: 'UK' });
    const token = await latestVerificationToken(input.email);
    expect(await verifyRequest({ token })).toEqual({ outcome: 'request-closed' });
    await expect(resendVerification({ verificationToken: token })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This request is closed. Please make a new request.',
    });
    const admin = await aStaffIdentity('admin');
    await expect(
      reopenRequest({ staff: admin, requestId: created.id, reason: 'The requester phoned us' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('counts as denied, could not verify, in the metrics and the CCPA §7102 report', async () => {
    const { row } = await closedUnconfirmed({ jurisdiction: 'US-CA', types: ['access', 'deletion'] });
    const admin = await aStaffIdentity('admin');
    // The rollup the triggers keep holds it as a decided denial.
    const rollup = await db().$queryRaw<{ status: string; denial_reason: string; days: number; n: number }[]>`
      SELECT status::text, denial_reason, days, n FROM request_outcome_rollup`;
    expect(rollup).toEqual([{ status: 'denied', denial_reason: 'cannot_verify', days: 10, n: 1 }]);
    // A period of whole UTC days reads the rollup.
    const day = DateTime.fromJSDate(row.receivedAt, { zone: 'utc' }).startOf('day');
    const metrics = await getRequestMetrics({
      staff: admin,
      filter: { from: day.toJSDate(), to: day.plus({ days: 1 }).toJSDate(), regime: 'US-CA' },
    });
    expect(metrics.total).toMatchObject({ received: 1, denied: 1, deniedCannotVerify: 1, expired: 0, decided: 1 });
    const year = DateTime.fromJSDate(row.receivedAt, { zone: 'America/Los_Angeles' }).year;
    const report = await getCcpaReport({ staff: admin, year });
    const byCategory = Object.fromEntries(report.rows.map((r) => [r.category, r]));
    for (const category of ['know', 'delete'] as const)
      expect(byCategory[category]).toMatchObject({ received: 1, denied: 1, deniedNotVerifiable: 1, medianDays: 10 });
  });
});
