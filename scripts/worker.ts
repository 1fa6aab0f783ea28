/** `npm run worker`: a job worker on its own, for deployments with separate web and worker instances. */
import { disconnectDb } from '../lib/db';
import { env } from '../lib/env';
import { startTracing, stopTracing } from '../lib/tracing/start-tracing';
import { startWorker } from '../lib/worker/worker';
import { resolveDatabase } from './database';
import { prepareDatabase } from './prepare-database';

async function main() {
  startTracing();
  const database = await resolveDatabase();
  await prepareDatabase(database.url);
  const runner = await startWorker({ connectionString: database.url, concurrency: env().WORKER_CONCURRENCY });
  console.log('[worker] running');
  await runner.promise;
  await disconnectDb();
  await database.stop();
  await stopTracing();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
