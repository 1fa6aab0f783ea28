import { EventEmitter } from 'node:events';
import { makeWorkerUtils, type Runner, type WorkerEvents, type WorkerPool } from 'graphile-worker';
import { logger } from '../logger';

export type Backoff = { initialMs: number; maxMs: number };

export type SupervisedWorker = {
  /** Resolves once the first runner is up (or the worker is stopped before one was). */
  started: Promise<void>;
  /** Settles once the worker stops for good: `stop()`, a signal graphile-worker handled, or a clean exit. */
  promise: Promise<void>;
  /** Stops the running runner (if any) and restarts no more. */
  stop(): Promise<void>;
  /** How many times a new runner was started (or tried) after one stopped by itself. */
  restarts(): number;
};

/** A runner that stayed up this long counts as healthy: the next failure starts the backoff again. */
const HEALTHY_AFTER_MS = 60_000;

export function backoffDelay(failures: number, { initialMs, maxMs }: Backoff): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, failures - 1));
}

/**
 * Keeps a graphile-worker runner going through database outages. graphile-worker 0.17 stops a
 * runner for good when PostgreSQL goes away at the wrong moment (a job finishing while the database
 * is down cannot be marked complete: "queue is in an inconsistent state; aborting"), and a runner
 * cannot be started while the database is down. Here a runner that stops, unless it was asked to
 * (`stop()` or a signal), is replaced after a capped exponential backoff; first the job locks
 * its pool still holds are released (WorkerUtils `forceUnlockWorkers` with that pool's id, what
 * graphile-worker itself does on a clean shutdown), so its jobs run again now rather than after the
 * 4-hour lock timeout. Jobs are at-least-once already: a job that finished but could not be marked
 * so runs again, which each handler tolerates (an email under its Idempotency-Key, say).
 *
 * A pool can also fail to stop. When graphile-worker 0.17.3 cannot record a job's end it shuts the
 * pool down gracefully; if a second batch of the same kind fails, or one succeeds, before the jobs
 * still running end, its batcher (`batch()` in graphile-worker's main.js, which decrements its
 * pending count once more when it lifts back-pressure) counts below zero, and the shutdown waits
 * for it to drain forever: the runner's promise never settles, nothing is logged, and the process
 * runs no job again. So a pool that shuts itself down is watched: once none of its jobs is running
 * (a graceful shutdown has nothing else to wait for) and it has still not ended `stuckAfterMs`
 * later, it is shut down forcefully, which settles its promise; should even that not end it, the
 * runner is abandoned. Either way the supervisor then replaces it as above.
 *
 * `start` receives the event emitter to give `run({ events })`: it is how the pool's id is learnt
 * (the pool exists before `run` resolves), how its running jobs are counted, and how a shutdown by
 * signal is told apart from a failure.
 */
export function superviseWorker(options: {
  connectionString: string;
  start: (events: WorkerEvents) => Promise<Runner>;
  backoff?: Backoff;
  /** How long a pool shutting itself down may take to end once none of its jobs is running. */
  stuckAfterMs?: number;
}): SupervisedWorker {
  const backoff = options.backoff ?? { initialMs: 500, maxMs: 30_000 };
  const stuckAfterMs = options.stuckAfterMs ?? 10_000;
  let stopping = false;
  let current: Runner | undefined;
  /** Resolves when the current runner is given up on as hung (see `watchShutdown`). */
  let abandoned: Promise<void> = new Promise(() => {});
  let restarts = 0;
  let wake: () => void = () => {};
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /** Retried with the backoff until it works or the process shuts down: the database may still be away. */
  const releaseLocks = async (poolIds: string[]) => {
    for (let attempt = 1; !stopping && poolIds.length > 0; attempt += 1) {
      try {
        const utils = await makeWorkerUtils({ connectionString: options.connectionString });
        try {
          await utils.forceUnlockWorkers(poolIds);
        } finally {
          await utils.release();
        }
        logger.info({ poolIds }, 'released the job locks of a stopped worker pool');
        return;
      } catch (error) {
        logger.warn({ err: error, attempt }, 'could not release a stopped worker pool’s job locks yet');
        await pause(backoffDelay(attempt, backoff));
      }
    }
  };

  /**
   * Watches a pool that began shutting down by itself; resolves if it is abandoned as hung. `busy`
   * holds the ids of its workers with a job running; `ended` turns true once the runner settles.
   */
  const watchShutdown = (pool: WorkerPool, busy: Set<string>, ended: () => boolean) =>
    new Promise<void>((resolve) => {
      let idleSince: number | undefined;
      let forcedAt: number | undefined;
      const timer = setInterval(
        () => {
          if (ended()) {
            clearInterval(timer);
            return;
          }
          if (busy.size > 0) {
            idleSince = undefined;
            return;
          }
          const now = Date.now();
          idleSince ??= now;
          if (forcedAt === undefined && now - idleSince >= stuckAfterMs) {
            forcedAt = now;
            logger.error({ poolId: pool.id }, 'job worker pool is stuck shutting down; shutting it down forcefully');
            Promise.resolve()
              .then(() => pool.forcefulShutdown('stuck in a graceful shutdown with no job running'))
              .catch(() => {});
          } else if (forcedAt !== undefined && now - forcedAt >= stuckAfterMs) {
            clearInterval(timer);
            logger.error({ poolId: pool.id }, 'job worker pool did not end after a forceful shutdown; abandoning it');
            resolve();
          }
        },
        Math.max(50, Math.min(1000, stuckAfterMs / 4)),
      );
    });

  const supervise = async () => {
    let failures = 0;
    while (!stopping) {
      const events: WorkerEvents = new EventEmitter();
      const poolIds: string[] = [];
      const busy = new Set<string>();
      let ended = false;
      let markAbandoned: () => void = () => {};
      abandoned = new Promise<void>((resolve) => (markAbandoned = resolve));
      events.on('pool:create', ({ workerPool }) => poolIds.push(workerPool.id));
      events.on('job:start', ({ worker }) => busy.add(worker.workerId));
      events.on('job:complete', ({ worker }) => busy.delete(worker.workerId));
      events.on('worker:fatalError', ({ worker }) => busy.delete(worker.workerId));
      // A shutdown nobody asked for (ours and a signal's set `stopping` first).
      events.on('pool:gracefulShutdown', ({ workerPool }) => {
        if (!stopping) void watchShutdown(workerPool, busy, () => ended).then(markAbandoned);
      });
      // graphile-worker handles SIGINT/SIGTERM itself (graceful, then it re-raises the signal).
      events.on('gracefulShutdown', () => (stopping = true));
      events.on('forcefulShutdown', () => (stopping = true));
      let startedAt = Date.now();
      // A runner whose pool fails resolves its promise all the same ("Runner stopping (reason: worker
      // pool exited with error …)"): any end nobody asked for is a failure.
      let error: unknown = new Error('the job worker stopped by itself');
      try {
        current = await options.start(events);
        startedAt = Date.now();
        markStarted();
        if (stopping) await current.stop();
        await Promise.race([current.promise, abandoned]);
      } catch (caught) {
        error = caught;
      } finally {
        ended = true;
        current = undefined;
      }
      // graphile-worker sets exit code 57 when a newer, incompatible worker migrated the schema.
      if (stopping || process.exitCode) return;
      failures = Date.now() - startedAt > HEALTHY_AFTER_MS ? 1 : failures + 1;
      const delay = backoffDelay(failures, backoff);
      logger.error({ err: error, failures, delayMs: delay }, 'job worker stopped with an error; restarting it');
      await releaseLocks(poolIds);
      if (stopping) return;
      await pause(delay);
      restarts += 1;
    }
  };

  const promise = supervise().finally(markStarted);
  return {
    started,
    promise,
    async stop() {
      stopping = true;
      wake();
      // A hung runner's `stop()` never settles either: stop waiting once it is abandoned.
      await Promise.race([current?.stop().catch(() => {}), abandoned]);
      await promise.catch(() => {});
    },
    restarts: () => restarts,
  };
}
