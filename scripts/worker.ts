/** `npm run worker`: a job worker on its own, for deployments with separate web and worker instances. */
import { disconnectDb } from '../lib/db';
import { env } from '../lib/env';
import { startTracing, stopTracing } from '../lib/tracing/start-tracing';
import { superviseWorker } from '../lib/worker/supervise-worker';
import { startWorker } from '../lib/worker/worker';
import { resolveDatabase } from './database';
import { prepareDatabase } from './prepare-database';

async function main() {
  startTracing();
  const database = await resolveDatabase();
  await prepareDatabase(database.url);
  // Restarted in this process when PostgreSQL goes away under it (lib/worker/supervise-worker.ts).
  const worker = superviseWorker({
    connectionString: database.url,
    start: (events) => {
      // The id its jobs are locked by (`locked_by`): what an operator, or a test, needs to release them.
      events.on('pool:create', ({ workerPool }) => console.log(`[worker] pool ${workerPool.id}`));
      return startWorker({ connectionString: database.url, concurrency: env().WORKER_CONCURRENCY, events });
    },
  });
  await worker.started;
  console.log('[worker] running');
  await worker.promise;
  await disconnectDb();
  await database.stop();
  await stopTracing();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
