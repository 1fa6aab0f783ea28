/**
 * The queue with real worker processes (`scripts/worker.ts`, as `npm run worker` runs it) on the test
 * database: a worker dying mid-job, and two workers sharing one queue. The Resend API is the local
 * stub; each worker names itself in RESEND_USER_AGENT (read by the SDK) so requests show who sent them.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { enqueueMany, enqueueOne } from '../fixtures/outbox-emails';
import { queuedJobs, resetDatabase } from '../support/reset-database';
import { type ResendStub, startResendStub } from '../support/resend-stub';
import { expireJobLocks, killAllWorkers, startWorkerProcess, waitUntil } from '../support/worker-process';

let stub: ResendStub;

beforeAll(async () => {
  stub = await startResendStub();
});

afterAll(async () => {
  await killAllWorkers();
  await stub.close();
});

beforeEach(async () => {
  stub.reset();
  await resetDatabase();
});

afterEach(killAllWorkers);

function workerEnv(name: string, concurrency: number) {
  return {
    DATABASE_URL: process.env.DATABASE_URL!,
    RESEND_API_KEY: 're_test',
    RESEND_BASE_URL: stub.url,
    RESEND_USER_AGENT: name,
    LOG_LEVEL: 'silent',
    WORKER_CONCURRENCY: String(concurrency),
  };
}

const outbox = (id: string) => db().outboxEmail.findUniqueOrThrow({ where: { id } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('a worker killed in the middle of a job does not lose it, and the email still goes out exactly once', {
  timeout: 60_000,
}, async () => {
  // The provider takes the message but never answers: the worker dies before it can record the send.
  stub.hangNext(1, Infinity, 'on-arrival');
  const first = await startWorkerProcess({ env: workerEnv('worker-a', 1) });
  const id = await enqueueOne();
  await stub.waitFor(() => stub.requests.length === 1, 15_000);

  const [inFlight] = await queuedJobs('deliver-email');
  expect(inFlight.attempts).toBe(1);
  await first.kill('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');
  expect(await outbox(id)).toMatchObject({ status: 'pending', attempts: 0 });

  // While the dead worker's lock holds, a new worker leaves the job alone: it cannot know the
  // first one is dead rather than slow.
  const second = await startWorkerProcess({ env: workerEnv('worker-b', 1) });
  await sleep(2_500);
  expect(stub.requests).toHaveLength(1);
  expect(
    await db().$queryRaw`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE locked_at IS NOT NULL`,
  ).toEqual([{ n: 1 }]);

  expect(await expireJobLocks()).toBe(1);
  await waitUntil(async () => (await outbox(id)).status === 'sent', {
    timeoutMs: 15_000,
    describe: async () => `row ${JSON.stringify(await outbox(id))}\n${second.output()}`,
  });

  expect(stub.requests.map((r) => [r.idempotencyKey, r.userAgent])).toEqual([
    [id, 'worker-a'],
    [id, 'worker-b'],
  ]);
  expect(stub.deliveries).toHaveLength(1);
  const row = await outbox(id);
  expect(row).toMatchObject({ status: 'sent', transport: 'resend', providerId: stub.deliveries[0].id, attempts: 1 });
  await waitUntil(async () => (await queuedJobs()).length === 0, { timeoutMs: 5_000 });
});

it('two worker processes on one queue deliver 3,000 emails, each exactly once', { timeout: 90_000 }, async () => {
  const count = 3_000;
  await Promise.all([
    startWorkerProcess({ env: workerEnv('worker-a', 8) }),
    startWorkerProcess({ env: workerEnv('worker-b', 8) }),
  ]);

  const ids = await enqueueMany(count, 500);

  const pending = () => db().outboxEmail.count({ where: { status: { not: 'sent' } } });
  await waitUntil(async () => (await pending()) === 0 && (await queuedJobs()).length === 0, {
    timeoutMs: 60_000,
    intervalMs: 250,
    describe: async () =>
      `${await pending()} rows not sent, ${(await queuedJobs()).length} jobs left, ${stub.requests.length} requests`,
  });

  const rows = await db().outboxEmail.findMany({
    select: { id: true, status: true, providerId: true, attempts: true },
  });
  expect(rows).toHaveLength(count);
  expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  expect(stub.deliveries).toHaveLength(count);
  // No job ran twice: one request per Idempotency-Key, and that key is an outbox row.
  expect(stub.requests).toHaveLength(count);
  expect(new Set(stub.requests.map((r) => r.idempotencyKey))).toEqual(new Set(ids));
  expect(rows.filter((r) => r.providerId !== stub.deliveryFor(r.id)?.id)).toEqual([]);
  // Both processes took a share of the work.
  const byWorker = new Map<string | null, number>();
  for (const r of stub.requests) byWorker.set(r.userAgent, (byWorker.get(r.userAgent) ?? 0) + 1);
  expect([...byWorker.keys()].sort()).toEqual(['worker-a', 'worker-b']);
  expect(Math.min(...byWorker.values())).toBeGreaterThan(count / 10);
});
