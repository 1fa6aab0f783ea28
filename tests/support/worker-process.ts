/**
 * Real worker processes (`npm run worker`, i.e. `tsx scripts/worker.ts`) for queue tests, and the
 * one thing tests do to the queue's clock: expiring the lock of a job whose worker died.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger, runTaskListOnce } from 'graphile-worker';
import pg from 'pg';
import { db } from '../../lib/db';
import { env } from '../../lib/env';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export type WorkerProcess = {
  pid: number;
  /** Everything the process wrote, for the failure message when it misbehaves. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
};

const running = new Set<WorkerProcess>();

/**
 * Starts `scripts/worker.ts` and resolves once it prints that it runs. The process leads its own
 * process group, so that a kill reaches tsx's child node process too: SIGKILL cannot be relayed.
 */
export async function startWorkerProcess(options: {
  env: Record<string, string>;
  readyTimeoutMs?: number;
}): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(TSX, ['scripts/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const pid = child.pid!;
  let gone = false;
  void exited.then(() => (gone = true));

  const worker: WorkerProcess = {
    pid,
    output: () => output,
    exited,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (!gone) {
        try {
          process.kill(-pid, signal);
        } catch {
          // The group has already gone.
        }
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      running.delete(worker);
    },
  };
  running.add(worker);

  const timeoutMs = options.readyTimeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  while (!output.includes('[worker] running')) {
    if (gone || Date.now() > deadline) {
      await worker.kill();
      throw new Error(`worker process ${gone ? 'exited' : `not ready within ${timeoutMs} ms`}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return worker;
}

/** Kills every worker process still running (afterAll / finally). */
export async function killAllWorkers() {
  await Promise.all([...running].map((w) => w.kill('SIGKILL')));
}

/**
 * What four hours do to the job of a dead worker: its lock ages past graphile-worker's lock timeout,
 * and graphile-worker's own stale-lock sweep releases it (every worker runs that sweep at a random
 * moment in its first minute and then every 8-10 minutes: too slow to wait for). The sweep runs here
 * through `runTaskListOnce`, which sweeps before it looks for work, with a task list that matches no
 * job, so nothing but the sweep happens in this process. Returns how many locks were aged.
 */
export async function expireJobLocks() {
  const aged = await db().$executeRaw`
    UPDATE graphile_worker._private_jobs SET locked_at = now() - interval '5 hours' WHERE locked_at IS NOT NULL`;
  const pool = new pg.Pool({ connectionString: env().DATABASE_URL!, max: 1 });
  const client = await pool.connect();
  try {
    await runTaskListOnce({ logger: new Logger(() => () => {}) }, { 'stale-lock-sweep-only': async () => {} }, client)
      .promise;
  } finally {
    client.release();
    await pool.end();
  }
  return aged;
}

/** Polls `check` until it returns true; fails after `timeoutMs` with `describe()` in the message. */
export async function waitUntil(
  check: () => Promise<boolean>,
  options: { timeoutMs: number; intervalMs?: number; describe?: () => Promise<string> | string },
) {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) {
      const detail = options.describe ? await options.describe() : '';
      throw new Error(`condition not met within ${options.timeoutMs} ms ${detail}`);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
}
