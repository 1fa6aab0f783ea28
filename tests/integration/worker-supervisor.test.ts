/**
 * lib/worker/supervise-worker.ts with real graphile-worker runners on the test database: a runner
 * whose pool stops by itself is replaced, and the job locks that pool still held are released at
 * once instead of after graphile-worker's 4-hour lock timeout. (A real PostgreSQL restart under a real
 * worker process is tests/load/worker-db-restart.ts.)
 */
import { Logger, makeWorkerUtils, run, type WorkerPool } from 'graphile-worker';
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { backoffDelay, type SupervisedWorker, superviseWorker } from '../../lib/worker/supervise-worker';
import { startCuttableProxy } from '../support/cuttable-proxy';
import { resetDatabase } from '../support/reset-database';

const url = () => process.env.DATABASE_URL!;
const silent = new Logger(() => () => {});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let worker: SupervisedWorker | undefined;

beforeEach(resetDatabase);
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(50);
  }
}

it('replaces a runner whose pool stopped by itself and releases the locks that pool held', {
  timeout: 60_000,
}, async () => {
  const pools: WorkerPool[] = [];
  const ran: string[] = [];
  let starts = 0;
  worker = superviseWorker({
    connectionString: url(),
    backoff: { initialMs: 50, maxMs: 200 },
    start: (events) => {
      starts += 1;
      events.on('pool:create', ({ workerPool }) => pools.push(workerPool));
      return run({
        connectionString: url(),
        concurrency: 1,
        noHandleSignals: true,
        pollInterval: 100,
        logger: silent,
        events,
        taskList: { 'supervisor-probe': async (payload) => void ran.push((payload as { n: string }).n) },
      });
    },
  });
  await worker.started;
  expect(starts).toBe(1);

  // A job the first pool holds but no longer runs: what a job is left as when the database went away
  // before graphile-worker could record its end. Graceful shutdown releases only jobs still running.
  const utils = await makeWorkerUtils({ connectionString: url(), logger: silent });
  const job = await utils.addJob('supervisor-probe', { n: 'held' }, { runAt: new Date(Date.now() + 3_600_000) });
  await utils.release();
  const sql = new pg.Client({ connectionString: url() });
  await sql.connect();
  try {
    await sql.query(
      'UPDATE graphile_worker._private_jobs SET run_at = now(), locked_at = now(), locked_by = $2 WHERE id = $1',
      [job.id, pools[0].id],
    );
    // The pool stops on its own, as it does when it cannot mark a job complete or failed.
    await pools[0].gracefulShutdown('simulated: could not completeJobs');

    await waitUntil(() => ran.includes('held'));
    expect(starts).toBe(2);
    expect(worker.restarts()).toBe(1);
    // Completed, not just run: graphile-worker deletes the row once its batch records the end, a
    // moment after the task body returns.
    const remaining = async () =>
      (await sql.query('SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE id = $1', [job.id])).rows[0]
        .n as number;
    await waitUntil(async () => (await remaining()) === 0, 5_000);
    expect(await remaining()).toBe(0);
  } finally {
    await sql.end();
  }

  // Stopped on purpose: no new runner.
  await worker.stop();
  await worker.promise;
  await sleep(300);
  expect(starts).toBe(2);
});

it('replaces a runner that hangs in its own shutdown after jobs failed while the database was away', {
  timeout: 60_000,
}, async () => {
  // The runner reaches PostgreSQL through a proxy the test cuts. Two jobs fail (throw) while the
  // database is away, in two failJobs batches that both fail; a third is still running and ends
  // after the database is back. graphile-worker 0.17.3 shuts the pool down gracefully at the first
  // failed batch, and its batcher counts one call too few for each later one (it decrements its
  // pending count again when it lifts back-pressure), so once the running job ends the shutdown
  // waits for that batcher to drain below zero, forever: the runner's promise never settles, no job
  // runs again in that process, and nothing is logged or thrown.
  const direct = new URL(url());
  const proxy = await startCuttableProxy({ host: direct.hostname, port: Number(direct.port) });
  const viaProxy = new URL(url());
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  const gates = new Map<string, () => void>();
  const ran: string[] = [];
  let down = false;
  let starts = 0;
  try {
    worker = superviseWorker({
      connectionString: viaProxy.toString(),
      backoff: { initialMs: 50, maxMs: 200 },
      stuckAfterMs: 1000,
      start: (events) => {
        starts += 1;
        return run({
          connectionString: viaProxy.toString(),
          concurrency: 3,
          noHandleSignals: true,
          pollInterval: 100,
          logger: silent,
          events,
          preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
          taskList: {
            'supervisor-gate': async (payload) => {
              const { n } = payload as { n: string };
              if (down) await new Promise<void>((resolve) => gates.set(n, resolve));
              ran.push(n);
              if (down) throw new Error(`job ${n} failed while the database was away`);
            },
          },
        });
      },
    });
    await worker.started;
    down = true;
    const utils = await makeWorkerUtils({ connectionString: url(), logger: silent });
    await utils.addJob('supervisor-gate', { n: 'a' });
    await utils.addJob('supervisor-gate', { n: 'b' });
    await utils.addJob('supervisor-gate', { n: 'c' });
    await waitUntil(() => gates.size === 3);

    proxy.cut();
    gates.get('a')!();
    await sleep(300);
    gates.get('b')!();
    await sleep(500);
    down = false;
    proxy.restore();
    gates.get('c')!();

    await utils.addJob('supervisor-gate', { n: 'after' });
    await utils.release();
    await waitUntil(() => ran.includes('after'), 20_000);
    expect(starts).toBe(2);
    // The jobs whose failure could not be recorded are unlocked and run again.
    await waitUntil(() => ran.filter((n) => n === 'a' || n === 'b').length === 4 && ran.includes('c'), 10_000);
  } finally {
    await worker?.stop();
    worker = undefined;
    await proxy.close();
  }
});

it('keeps trying to start while the database cannot be reached, with a capped exponential backoff', {
  timeout: 30_000,
}, async () => {
  let attempts = 0;
  worker = superviseWorker({
    // Nothing listens on port 1: every start fails with ECONNREFUSED.
    connectionString: 'postgresql://nobody@127.0.0.1:1/none',
    backoff: { initialMs: 20, maxMs: 80 },
    start: async () => {
      attempts += 1;
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    },
  });
  await waitUntil(() => attempts >= 4, 10_000);
  await worker.stop();
  await worker.promise;
  const stoppedAt = attempts;
  await sleep(200);
  expect(attempts).toBe(stoppedAt);
  expect([1, 2, 3, 4, 5, 10].map((n) => backoffDelay(n, { initialMs: 500, maxMs: 30_000 }))).toEqual([
    500, 1000, 2000, 4000, 8000, 30_000,
  ]);
});
