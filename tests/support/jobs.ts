import { Logger, runOnce } from 'graphile-worker';
import { db } from '../../lib/db';
import { env } from '../../lib/env';
import { taskList } from '../../lib/worker/task-list';

const silentLogger = new Logger(() => () => {});

/** Runs every job that is due now, with the real handlers, until the queue has nothing due. */
export async function runDueJobs() {
  // No batching of completions and failures: when runOnce returns, every outcome is written, so a
  // test that then makes retries due cannot race a failure still on its way to the table.
  await runOnce({
    connectionString: env().DATABASE_URL!,
    taskList,
    logger: silentLogger,
    preset: { worker: { completeJobBatchDelay: -1, failJobBatchDelay: -1 } },
  });
}

/** "Moves the clock" for the queue: jobs due before `until` become due now. */
export async function advanceQueueTo(until: Date) {
  await db().$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE run_at <= ${until}`;
}
