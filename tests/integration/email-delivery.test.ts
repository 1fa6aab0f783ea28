/**
 * Email delivery through the real outbox, the real queue (graphile-worker's runOnce with the real
 * task list) and the Resend SDK, against a local stand-in for the Resend API.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { listDevMailbox } from '../../lib/email/dev-mailbox';
import { enqueueEmail } from '../../lib/email/enqueue-email';
import { transportConfig } from '../../lib/email/transport';
import { env, resetEnvCache } from '../../lib/env';
import { addJob } from '../../lib/queue/add-job';
import { jobs } from '../../lib/queue/jobs';
import { enqueueMany, enqueueOne, withdrawnEmail } from '../fixtures/outbox-emails';
import { runDueJobs } from '../support/jobs';
import { queuedJobs, resetDatabase } from '../support/reset-database';
import { type HangAccept, type ResendStub, startResendStub } from '../support/resend-stub';

const MAX_ATTEMPTS = jobs['deliver-email'].maxAttempts;
const SEND_TIMEOUT_MS = 300;

let stub: ResendStub;

beforeAll(async () => {
  stub = await startResendStub({ seed: 20261126 });
  process.env.RESEND_API_KEY = 're_test';
  process.env.RESEND_BASE_URL = stub.url;
  resetEnvCache();
  transportConfig.sendTimeoutMs = SEND_TIMEOUT_MS;
});

afterAll(async () => {
  transportConfig.sendTimeoutMs = 15_000;
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  resetEnvCache();
  await stub.close();
});

beforeEach(async () => {
  stub.reset();
  await resetDatabase();
});

/** Retries wait for graphile-worker's backoff (seconds to hours): make every waiting job due now. */
async function makeRetriesDue() {
  await db().$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;
}

/** Jobs that can still run (a job out of attempts stays in the table but never runs again). */
async function runnableJobs() {
  return (await queuedJobs()).filter((j) => j.attempts < MAX_ATTEMPTS);
}

/** Runs the queue, making retries due each round, until no job can run; bounded by `maxRounds`. */
async function runQueueUntilEmpty(maxRounds: number) {
  for (let round = 1; round <= maxRounds; round++) {
    await runDueJobs();
    if ((await runnableJobs()).length === 0) return round;
    await makeRetriesDue();
  }
  throw new Error(`queue not empty after ${maxRounds} rounds: ${(await runnableJobs()).length} jobs left`);
}

const outbox = (id: string) => db().outboxEmail.findUniqueOrThrow({ where: { id } });

describe('an email enqueued in a committed transaction', () => {
  it('is sent once, from the job, with the outbox row id as the Idempotency-Key', async () => {
    const id = await enqueueOne(7);
    expect(stub.requests).toHaveLength(0);
    expect((await queuedJobs('deliver-email')).map((j) => j.payload)).toEqual([{ outboxId: id }]);

    await runDueJobs();

    const row = await outbox(id);
    expect(stub.requests).toHaveLength(1);
    const [request] = stub.requests;
    expect(request.idempotencyKey).toBe(id);
    expect(request.authorization).toBe('Bearer re_test');
    expect(request.body).toMatchObject({
      from: env().EMAIL_FROM,
      to: 'requester-7@example.test',
      subject: row.subject,
      html: row.html,
      text: row.text,
    });
    expect(stub.deliveries).toHaveLength(1);
    expect(row).toMatchObject({
      status: 'sent',
      transport: 'resend',
      providerId: stub.deliveries[0].id,
      attempts: 1,
      lastError: null,
    });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(await queuedJobs()).toEqual([]);
  });

  it('is not sent again when its job runs a second time', async () => {
    const id = await enqueueOne();
    await runDueJobs();
    await db().$transaction((tx) => addJob(tx, 'deliver-email', { outboxId: id }));
    await runDueJobs();
    expect(stub.requests).toHaveLength(1);
    expect(await queuedJobs()).toEqual([]);
  });
});

it('a transaction that throws after enqueueEmail leaves no outbox row, no job and sends nothing', async () => {
  await expect(
    db().$transaction(async (tx) => {
      await enqueueEmail(tx, withdrawnEmail(1));
      throw new Error('the state change failed');
    }),
  ).rejects.toThrow('the state change failed');

  expect(await db().outboxEmail.count()).toBe(0);
  expect(await queuedJobs()).toEqual([]);
  await runDueJobs();
  expect(stub.requests).toHaveLength(0);
});

describe('a provider that fails for a while', () => {
  it.each([
    ['answers 500', () => stub.failNext(2, 500)],
    ['answers 429 (rate limited)', () => stub.failNext(2, 429)],
    ['cuts the connection', () => stub.dropNext(2)],
  ])('%s: the job fails, is retried with backoff, and the email is sent once it recovers', async (_, breakProvider) => {
    breakProvider();
    const id = await enqueueOne();

    await runDueJobs();
    let row = await outbox(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, providerId: null });
    expect(row.lastError).toMatch(/^Resend refused the email: /);
    const [job] = await queuedJobs('deliver-email');
    expect(job.attempts).toBe(1);
    expect(job.run_at.getTime()).toBeGreaterThan(Date.now());

    // Not due yet: running the queue now does nothing.
    await runDueJobs();
    expect(stub.requests).toHaveLength(1);

    await makeRetriesDue();
    await runDueJobs();
    expect(await outbox(id)).toMatchObject({ status: 'pending', attempts: 2 });

    await makeRetriesDue();
    await runDueJobs();
    row = await outbox(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null, providerId: stub.deliveries[0].id });
    expect(stub.requests.map((r) => r.idempotencyKey)).toEqual([id, id, id]);
    expect(stub.deliveries).toHaveLength(1);
    expect(await queuedJobs()).toEqual([]);
  });

  it('50 emails through a provider failing 30% of requests at random: each delivered exactly once, none dropped', async () => {
    const ids = await enqueueMany(50, 25);
    stub.failRate(0.3, 500);

    const rounds = await runQueueUntilEmpty(20);

    const failures = stub.requests.filter((r) => r.status === 500).length;
    expect(failures).toBeGreaterThan(5);
    expect(rounds).toBeGreaterThan(1);
    const rows = await db().outboxEmail.findMany({ where: { id: { in: ids } } });
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(50);
    expect(stub.deliveries).toHaveLength(50);
    expect(new Set(stub.deliveries.map((d) => d.idempotencyKey))).toEqual(new Set(ids));
    const perKey = stub.requestsPerKey();
    for (const row of rows) {
      expect(row.providerId).toBe(stub.deliveryFor(row.id)?.id);
      // Every attempt the row counts is one request the provider saw, and the other way round.
      expect(perKey.get(row.id)).toBe(row.attempts);
    }
    expect(await queuedJobs()).toEqual([]);
  });
});

describe('a provider that does not answer in time', () => {
  it.each<[string, HangAccept]>([
    ['took the message and answers late', 'on-arrival'],
    ['takes the message only when it answers, late', 'on-answer'],
  ])('(%s): the attempt times out, is retried, and the message is delivered exactly once', async (_, accept) => {
    stub.hangNext(1, SEND_TIMEOUT_MS * 4, accept);
    const id = await enqueueOne();

    const started = Date.now();
    await runDueJobs();
    expect(Date.now() - started).toBeLessThan(SEND_TIMEOUT_MS * 3);
    let row = await outbox(id);
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: `No answer from the email provider in ${SEND_TIMEOUT_MS} ms`,
    });

    await makeRetriesDue();
    await runDueJobs();
    row = await outbox(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });

    // The first request finally gets its answer: a replay of the same message, not a second one.
    await stub.waitFor(() => stub.requests[0].status !== 0, SEND_TIMEOUT_MS * 10);
    expect(stub.requests.map((r) => [r.idempotencyKey, r.status])).toEqual([
      [id, 200],
      [id, 200],
    ]);
    expect(stub.deliveries).toHaveLength(1);
    expect(stub.requests[0].id).toBe(stub.deliveries[0].id);
    expect(row.providerId).toBe(stub.deliveries[0].id);
    expect(await queuedJobs()).toEqual([]);
  });
});

describe('giving up', () => {
  it('a permanent refusal (422) marks the row failed with the reason and is not retried', async () => {
    stub.failNext(1, 422);
    const id = await enqueueOne();

    await runDueJobs();
    expect(await outbox(id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      providerId: null,
      lastError: 'Resend refused the email: validation_error Stubbed failure.',
    });
    expect(await queuedJobs()).toEqual([]);

    await makeRetriesDue();
    await runDueJobs();
    expect(stub.requests).toHaveLength(1);
    expect(stub.deliveries).toHaveLength(0);
  });

  it(`a retryable failure on the last allowed attempt (${MAX_ATTEMPTS}) marks the row failed`, async () => {
    stub.failRate(1, 503);
    const id = await enqueueOne();

    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      await runDueJobs();
      expect(await outbox(id)).toMatchObject({ status: 'pending', attempts: attempt });
      await makeRetriesDue();
    }
    await runDueJobs();

    expect(await outbox(id)).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      lastError: 'Resend refused the email: application_error Stubbed failure.',
    });
    expect(stub.requests).toHaveLength(MAX_ATTEMPTS);
    expect(stub.deliveries).toHaveLength(0);
    expect(await queuedJobs()).toEqual([]);
  });
});

it('without RESEND_API_KEY the dev transport delivers into the dev mailbox and nothing reaches the provider', async () => {
  delete process.env.RESEND_API_KEY;
  resetEnvCache();
  try {
    const id = await enqueueOne();
    await runDueJobs();
    expect(await outbox(id)).toMatchObject({ status: 'sent', transport: 'dev', providerId: null, attempts: 1 });
    expect((await listDevMailbox()).map((m) => m.id)).toEqual([id]);
    expect(stub.requests).toHaveLength(0);
  } finally {
    process.env.RESEND_API_KEY = 're_test';
    resetEnvCache();
  }
});
