/**
 * bench/queue: graphile-worker throughput with our real handlers next to its no-op throughput, on
 * the same fresh embedded PostgreSQL in the same run, plus the time to add the jobs of 10,000 new
 * requests. `npm run bench:queue` (REQUESTS=100000 by default). Prints a Markdown table.
 */
import { Logger, runOnce, type TaskList } from 'graphile-worker';
import { withBenchDatabase } from './bench-database';

const REQUESTS = Number(process.env.REQUESTS ?? 100_000);
const NEW_REQUESTS = Number(process.env.NEW_REQUESTS ?? 10_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const LOCAL_QUEUE = Number(process.env.LOCAL_QUEUE ?? 100);
const silent = new Logger(() => () => {});

async function main() {
  await withBenchDatabase('queue', async (url) => {
    const { migrateQueue } = await import('../lib/worker/worker');
    await migrateQueue(url);
    const { db, disconnectDb } = await import('../lib/db');
    const { taskList } = await import('../lib/worker/task-list');

    const drain = async (tasks: TaskList) => {
      const started = performance.now();
      // runOnce with concurrency drains everything due, like a running worker would.
      await runOnce({
        connectionString: url,
        taskList: tasks,
        concurrency: CONCURRENCY,
        logger: silent,
        // Batched fetching and completion, as the worker can be configured in production (see README).
        preset: { worker: { localQueue: { size: LOCAL_QUEUE }, completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
      });
      return (performance.now() - started) / 1000;
    };

    // 1. graphile-worker's own ceiling: no-op jobs.
    await db().$executeRawUnsafe(
      `SELECT graphile_worker.add_jobs(array(SELECT ('noop', '{}'::json, NULL, NULL, NULL, NULL, NULL, NULL)::graphile_worker.job_spec FROM generate_series(1, ${REQUESTS})))`,
    );
    const noopSeconds = await drain({ noop: async () => {} });

    // 2. Our handlers: one outbox email per request, delivered by the real deliver-email handler (dev transport).
    await db().$executeRawUnsafe(`
      INSERT INTO outbox_email (id, template, "to", subject, html, text)
      SELECT gen_random_uuid(), 'verify-request', 'bench' || g || '@example.com', 'Confirm your privacy request', '<p>hello</p>', 'hello'
      FROM generate_series(1, ${REQUESTS}) g`);
    await db().$executeRawUnsafe(
      `SELECT graphile_worker.add_jobs(array(SELECT ('deliver-email', json_build_object('outboxId', id), NULL, NULL, NULL, NULL, NULL, NULL)::graphile_worker.job_spec FROM outbox_email))`,
    );
    const realSeconds = await drain(taskList);
    const delivered = await db().outboxEmail.count({ where: { status: 'sent' } });
    if (delivered !== REQUESTS) throw new Error(`expected ${REQUESTS} delivered, got ${delivered}`);

    // 3. Adding the jobs of 10,000 new requests, each in its own transaction as the app does.
    const { addJob } = await import('../lib/queue/add-job');
    const ids = Array.from({ length: NEW_REQUESTS }, () => crypto.randomUUID());
    const addStarted = performance.now();
    for (const id of ids) {
      await db().$transaction(async (tx) => {
        await addJob(tx, 'deliver-email', { outboxId: id });
        await addJob(
          tx,
          'expire-unverified-request',
          { requestId: id },
          { runAt: new Date(Date.now() + 86_400_000), jobKey: `expire-unverified:${id}` },
        );
        await addJob(
          tx,
          'acknowledge-request',
          { requestId: id },
          { runAt: new Date(Date.now() + 10 * 86_400_000), jobKey: `acknowledge:${id}` },
        );
      });
    }
    const addSeconds = (performance.now() - addStarted) / 1000;
    await disconnectDb();

    const noopRate = REQUESTS / noopSeconds;
    const realRate = REQUESTS / realSeconds;
    console.log(`\n| measure | value |\n|---|---|`);
    console.log(
      `| no-op jobs (${REQUESTS.toLocaleString('en')}), concurrency ${CONCURRENCY}, local queue ${LOCAL_QUEUE} | ${noopRate.toFixed(0)} jobs/s (${noopSeconds.toFixed(1)} s) |`,
    );
    console.log(
      `| deliver-email jobs (${REQUESTS.toLocaleString('en')}), real handler | ${realRate.toFixed(0)} jobs/s (${realSeconds.toFixed(1)} s) |`,
    );
    console.log(`| real / no-op | ${((realRate / noopRate) * 100).toFixed(0)} % (target ≥ 50 %) |`);
    console.log(
      `| add the 3 jobs of each of ${NEW_REQUESTS.toLocaleString('en')} new requests (one transaction each) | ${addSeconds.toFixed(1)} s (${((addSeconds / NEW_REQUESTS) * 1000).toFixed(2)} ms per request) |`,
    );
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
