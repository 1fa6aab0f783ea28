import { Logger, runOnce } from 'graphile-worker';
import { db } from '../../lib/db';
import { env } from '../../lib/env';
import { taskList } from '../../lib/queue/task-list';

const silentLogger = new Logger(() => () => {});

/** Runs every job that is due now, with the real handlers, until the queue has nothing due. */
export async function runDueJobs() {
  await runOnce({ connectionString: env().DATABASE_URL!, taskList, logger: silentLogger });
}

/** "Moves the clock" for the queue: jobs due before `until` become due now. */
export async function advanceQueueTo(until: Date) {
  await db().$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE run_at <= ${until}`;
}
