import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { env } from '../../lib/env';
import { getRequestStatus } from '../../lib/requests/get-request-status';
import { withdrawRequest } from '../../lib/requests/withdraw-request';
import { resendVerification } from '../../lib/verification/resend-verification';
import { verifyRequest } from '../../lib/verification/verify-request';
import { hashToken } from '../../lib/security/tokens';
import { queuedJobs, resetDatabase } from '../support/reset-database';
import { latestStatusLink, latestVerificationToken, submitted } from '../support/requests';
import { advanceQueueTo, runDueJobs } from '../support/jobs';

beforeEach(resetDatabase);

describe('submitting a request', () => {
  it('records it unverified with its audit event, verification email and jobs, in one go', async () => {
    const { input, created } = await submitted({ types: ['access', 'deletion'], jurisdiction: 'US-CA' });
    expect(created.reference).toMatch(/^BR-\d{4}-\d{6}$/);
    const row = await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.status).toBe('unverified');
    expect(row.types).toEqual(['access', 'deletion']);
    // 45 calendar days from receipt in California.
    const days = (row.dueAt.getTime() - row.receivedAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(44);
    expect(days).toBeLessThan(46.1);
    const audit = await db().auditEvent.findMany({ where: { requestId: created.id } });
    expect(audit.map((a) => a.action)).toEqual(['request.submitted']);
    expect(audit[0].ip).toBe('203.0.113.9');
    const emails = await db().outboxEmail.findMany({ where: { requestId: created.id } });
    expect(emails.map((e) => [e.template, e.to, e.status])).toEqual([['verify-request', input.email, 'pending']]);
    const jobs = await queuedJobs();
    // California also needs its receipt confirmed within 10 business days.
    expect(jobs.map((j) => j.task_identifier).sort()).toEqual([
      'acknowledge-request',
      'deliver-email',
      'expire-unverified-request',
      'remind-unverified-request',
    ]);
  });

  it('stores only hashes of the tokens it hands out', async () => {
    const { input, created } = await submitted();
    const token = await latestVerificationToken(input.email);
    const stored = await db().verificationLink.findFirstOrThrow({ where: { requestId: created.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    const dump = JSON.stringify(await db().$queryRawUnsafe('SELECT * FROM verification_link'));
    expect(dump).not.toContain(token);
    const request = await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(request.submissionTokenHash).toBe(hashToken(created.submissionToken));
  });

  it('escapes what the requester typed in the emails it sends', async () => {
    const { input } = await submitted({ name: '<script>alert(1)</script>' });
    const row = await db().outboxEmail.findFirstOrThrow({ where: { to: input.email } });
    expect(row.html).not.toContain('<script>alert(1)</script>');
  });
});

describe('verifying the email', () => {
  it('marks the request verified with its evidence and sends the receipt with a status link', async () => {
    const { input, created } = await submitted({ jurisdiction: 'EU' });
    const token = await latestVerificationToken(input.email);
    const outcome = await verifyRequest({ token, ip: '198.51.100.7', userAgent: 'Mail client' });
    expect(outcome).toMatchObject({ outcome: 'verified', requestId: created.id });

    const row = await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ status: 'verified', verifiedIp: '198.51.100.7', verifiedUserAgent: 'Mail client' });
    expect(row.verifiedAt).toBeInstanceOf(Date);

    const receipt = await db().outboxEmail.findFirstOrThrow({
      where: { requestId: created.id, template: 'request-received' },
    });
    expect(receipt.text).toContain(created.reference);
    expect(receipt.text).toMatch(/We will answer by \d{1,2} \w+ \d{4}/);
    const link = await latestStatusLink(input.email);
    const status = await getRequestStatus(link);
    expect(status).toMatchObject({ reference: created.reference, status: 'verified', canWithdraw: true });
    expect(status.timeline.map((e) => e.summary)).toEqual([
      'Request received; waiting for the email address to be confirmed',
      'Email address confirmed; the request is with our privacy team',
    ]);
    // The expiry job is gone: a verified request never expires for want of verification.
    expect((await queuedJobs('expire-unverified-request')).length).toBe(0);
  });

  it('accepts a link once: a second use says it is already confirmed', async () => {
    const { input } = await submitted();
    const token = await latestVerificationToken(input.email);
    expect((await verifyRequest({ token })).outcome).toBe('verified');
    // Nothing more: a spent confirmation link (it travels in URLs) never opens the status page.
    expect(await verifyRequest({ token })).toEqual({ outcome: 'already-verified' });
    // Whoever lost the first answer (an instance died) is not stranded: the first use queued, in its
    // own transaction, the email whose status link the "already confirmed" page points to.
    const link = await latestStatusLink(input.email);
    expect((await getRequestStatus({ requestId: link.requestId, token: link.token })).status).toBe('verified');
  });

  it('two simultaneous clicks verify once', async () => {
    const { input, created } = await submitted();
    const token = await latestVerificationToken(input.email);
    const outcomes = await Promise.allSettled([verifyRequest({ token }), verifyRequest({ token })]);
    const verified = outcomes.filter((o) => o.status === 'fulfilled' && o.value.outcome === 'verified');
    expect(verified.length).toBe(1);
    expect(await db().auditEvent.count({ where: { requestId: created.id, action: 'request.verified' } })).toBe(1);
  });

  it('refuses an expired link and offers a new one, which works', async () => {
    const { input, created } = await submitted();
    const token = await latestVerificationToken(input.email);
    const later = new Date(Date.now() + (env().verificationTtlHours + 1) * 3600_000);
    expect(await verifyRequest({ token, now: later })).toEqual({ outcome: 'expired', canResend: true });
    await resendVerification({ verificationToken: token, now: later });
    const fresh = await latestVerificationToken(input.email);
    expect(fresh).not.toBe(token);
    expect((await verifyRequest({ token: fresh, now: later })).outcome).toBe('verified');
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } })).status).toBe('verified');
  });

  it('an unknown token is not found, whatever it looks like', async () => {
    await expect(verifyRequest({ token: 'A'.repeat(43) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('re-sending the verification email', () => {
  it('needs the confirmation page token, supersedes the old link, and is rate limited', async () => {
    const { input, created } = await submitted();
    const first = await latestVerificationToken(input.email);
    await expect(resendVerification({ requestId: created.id, submissionToken: 'x'.repeat(43) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const t0 = new Date(Date.now() + 61_000);
    await resendVerification({ requestId: created.id, submissionToken: created.submissionToken, now: t0 });
    expect(await verifyRequest({ token: first })).toEqual({ outcome: 'used', canResend: true });
    // Immediately again: too soon.
    await expect(
      resendVerification({
        requestId: created.id,
        submissionToken: created.submissionToken,
        now: new Date(t0.getTime() + 1000),
      }),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    const sent = await db().outboxEmail.count({ where: { requestId: created.id, template: 'verify-request' } });
    expect(sent).toBe(2);
  });
});

describe('expiry of unverified requests', () => {
  it('closes a request whose link ran out, when the queue reaches the job', async () => {
    const { created } = await submitted();
    await advanceQueueTo(new Date(Date.now() + env().verificationTtlHours * 3600_000 + 60_000));
    // The handler reads the real clock; the link has not expired yet in real time, so nothing happens...
    await runDueJobs();
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } })).status).toBe('unverified');
    // ...until the link really is past its expiry.
    await db().verificationLink.updateMany({
      where: { requestId: created.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const { expireUnverifiedRequest } = await import('../../lib/requests/expire-unverified-request');
    await expireUnverifiedRequest({ requestId: created.id });
    const row = await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } });
    // Closed as a request we could not verify (it was `expired` before issue #13).
    expect(row).toMatchObject({ status: 'denied', denialReason: 'cannot_verify' });
    expect(row.closedAt).toBeInstanceOf(Date);
  });
});

describe('withdrawing', () => {
  it('closes the request, confirms by email, and cannot be done twice', async () => {
    const { input, created } = await submitted();
    await verifyRequest({ token: await latestVerificationToken(input.email) });
    const link = await latestStatusLink(input.email);
    await withdrawRequest(link);
    const status = await getRequestStatus(link);
    expect(status).toMatchObject({ status: 'withdrawn', canWithdraw: false });
    expect(status.timeline.at(-1)?.summary).toBe('Withdrawn by the requester');
    expect(await db().outboxEmail.count({ where: { requestId: created.id, template: 'request-withdrawn' } })).toBe(1);
    await expect(withdrawRequest(link)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a wrong token or unknown id reads the same: not found', async () => {
    const { input } = await submitted();
    await verifyRequest({ token: await latestVerificationToken(input.email) });
    const link = await latestStatusLink(input.email);
    const wrongToken = getRequestStatus({ requestId: link.requestId, token: 'B'.repeat(43) });
    const unknownId = getRequestStatus({ requestId: '00000000-0000-4000-8000-000000000000', token: link.token });
    const [a, b] = await Promise.allSettled([wrongToken, unknownId]);
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('rejected');
    expect((a as PromiseRejectedResult).reason.message).toBe((b as PromiseRejectedResult).reason.message);
  });
});

describe('the audit log', () => {
  it('refuses updates and deletes, even from the application', async () => {
    const { created } = await submitted();
    await expect(
      db().auditEvent.updateMany({ where: { requestId: created.id }, data: { action: 'tampered' } }),
    ).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.deleteMany({ where: { requestId: created.id } })).rejects.toThrow(/append-only/);
  });
});
