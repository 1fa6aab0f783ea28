import { env } from '../env';
import { logger } from '../logger';
import { superviseWorker } from './supervise-worker';
import { startWorker } from './worker';

/**
 * Starts the worker inside the web server process (the default for `npm run dev` and `npm start`),
 * restarted in place when PostgreSQL goes away under it (supervise-worker.ts). The server does not
 * wait for it: with the database down at boot it serves its 503s while the worker keeps trying.
 */
export async function startInProcessWorker() {
  const e = env();
  if (!e.WORKER_IN_PROCESS || !e.DATABASE_URL) return;
  const connectionString = e.DATABASE_URL;
  const worker = superviseWorker({
    connectionString,
    start: (events) => startWorker({ connectionString, concurrency: 2, events }),
  });
  void worker.started.then(() => logger.info('job worker running in the web process'));
  return worker;
}
