/**
 * submitRequest writes its audit event, verification link, outbox email and jobs in one statement
 * (the intake budget in docs/benchmarks.md). These are the rows and jobs that recordAuditEvent,
 * issueVerificationToken, enqueueEmail and addJob write elsewhere, attribute by attribute.
 */
import { beforeEach, expect, it } from 'vitest';
import { requestDeadline } from '../../lib/clock/request-deadline';
import { db } from '../../lib/db';
import { env } from '../../lib/env';
import { jobs } from '../../lib/queue/jobs';
import { resetDatabase } from '../support/reset-database';
import { submitted } from '../support/requests';

beforeEach(resetDatabase);

async function jobsOf() {
  return db().$queryRaw<
    {
      task: string;
      payload: Record<string, unknown>;
      run_at: Date;
      key: string | null;
      max_attempts: number;
      priority: number;
      queue: string | null;
    }[]
  >`
    SELECT t.identifier AS task, j.payload, j.run_at, j.key, j.max_attempts, j.priority, j.job_queue_id::text AS queue
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id ORDER BY t.identifier`;
}

it('writes the audit event, link, email and jobs as the one-by-one helpers do', async () => {
  const { input, created } = await submitted({ jurisdiction: 'US-CA', types: ['access'] });
  const request = await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } });

  const [audit] = await db().auditEvent.findMany({ where: { requestId: created.id } });
  expect(audit).toMatchObject({
    action: 'request.submitted',
    actorType: 'requester',
    actorId: null,
    ip: '203.0.113.9',
    userAgent: 'test-browser',
    public: true,
    summary: 'Request received; waiting for the email address to be confirmed',
    data: { channel: 'web', types: ['access'], jurisdiction: 'US-CA', byAgent: false },
  });

  const [link] = await db().verificationLink.findMany({ where: { requestId: created.id } });
  expect(link.usedAt).toBeNull();
  expect(link.createdAt).toEqual(request.receivedAt);
  expect(link.expiresAt.getTime() - request.receivedAt.getTime()).toBe(env().verificationTtlHours * 3600_000);

  const [email] = await db().outboxEmail.findMany({ where: { requestId: created.id } });
  expect(email).toMatchObject({
    template: 'verify-request',
    to: input.email,
    status: 'pending',
    attempts: 0,
    transport: null,
  });
  expect(email.subject).toBe(`Confirm your privacy request ${created.reference}`);
  expect(email.text).toMatch(/\/verify\?token=[A-Za-z0-9_-]{43}/);

  const acknowledgeBy = requestDeadline({ jurisdiction: 'US-CA', types: ['access'], receivedAt: request.receivedAt })
    .acknowledgeBy!;
  expect(await jobsOf()).toEqual([
    {
      task: 'acknowledge-request',
      payload: { requestId: created.id },
      run_at: new Date(acknowledgeBy.getTime() - 86_400_000),
      key: `acknowledge:${created.id}`,
      max_attempts: jobs['acknowledge-request'].maxAttempts,
      priority: 0,
      queue: null,
    },
    {
      task: 'deliver-email',
      payload: { outboxId: email.id },
      run_at: expect.any(Date),
      key: null,
      max_attempts: jobs['deliver-email'].maxAttempts,
      priority: 0,
      queue: null,
    },
    {
      task: 'expire-unverified-request',
      payload: { requestId: created.id },
      run_at: link.expiresAt,
      key: `expire-unverified:${created.id}`,
      max_attempts: jobs['expire-unverified-request'].maxAttempts,
      priority: 0,
      queue: null,
    },
    {
      task: 'remind-unverified-request',
      payload: { requestId: created.id, expiresAt: link.expiresAt.toISOString() },
      run_at: new Date(link.expiresAt.getTime() - env().VERIFICATION_REMINDER_HOURS * 3600_000),
      key: `remind-unverified:${created.id}`,
      max_attempts: jobs['remind-unverified-request'].maxAttempts,
      priority: 0,
      queue: null,
    },
  ]);
});

it('schedules no acknowledgement where the regime sets none', async () => {
  await submitted({ jurisdiction: 'UK' });
  expect((await jobsOf()).map((j) => j.task)).toEqual([
    'deliver-email',
    'expire-unverified-request',
    'remind-unverified-request',
  ]);
});
