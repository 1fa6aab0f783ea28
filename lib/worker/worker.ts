import { Logger, run, runMigrations, type Runner, type WorkerEvents } from 'graphile-worker';
import { logger } from '../logger';
import { crontab, taskList } from './task-list';

/** graphile-worker's own logs, through ours (debug unless something is wrong). */
const quietLogger = new Logger((scope) => (level, message, meta) => {
  if (level === 'error') logger.error({ scope, meta }, message);
  else if (level === 'warning') logger.warn({ scope }, message);
  else logger.debug({ scope }, message);
});

/** Installs or upgrades graphile-worker's own schema (graphile_worker.*). Safe to call concurrently. */
export async function migrateQueue(connectionString: string) {
  await runMigrations({ connectionString, logger: quietLogger });
}

/** Starts a worker: in the web process by default (WORKER_IN_PROCESS), or alone with `npm run worker`. */
export async function startWorker(options: {
  connectionString: string;
  concurrency?: number;
  events?: WorkerEvents;
}): Promise<Runner> {
  return run({
    connectionString: options.connectionString,
    concurrency: options.concurrency ?? 5,
    taskList,
    crontab,
    logger: quietLogger,
    noHandleSignals: false,
    pollInterval: 1000,
    events: options.events,
    // Jobs are marked complete or failed through graphile-worker's batcher (a batch per tick), whose
    // failure stops the runner with an error, which superviseWorker restarts. Unbatched, a failure
    // to mark a job while the database is down is an unhandled rejection that ends the process.
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  });
}
