import { env } from '../env';
import { logger } from '../logger';
import { startWorker } from './worker';

/** Starts the worker inside the web server process (the default for `npm run dev` and `npm start`). */
export async function startInProcessWorker() {
  const e = env();
  if (!e.WORKER_IN_PROCESS || !e.DATABASE_URL) return;
  const runner = await startWorker({ connectionString: e.DATABASE_URL, concurrency: 2 });
  logger.info('job worker running in the web process');
  return runner;
}
