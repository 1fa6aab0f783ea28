/**
 * The standalone worker (`npm run worker`) outlives a PostgreSQL restart (issue #19 §1): a web
 * instance without a worker of its own (WORKER_IN_PROCESS=false) and one `scripts/worker.ts` process,
 * both on one embedded PostgreSQL, emails through the local Resend stub. A request's email is
 * delivered; PostgreSQL stops while the worker is in the middle of sending another (the stub holds
 * its answer) and starts again; the SAME worker process (same pid, never exited) then finishes that
 * email without waiting for graphile-worker's 4-hour lock timeout, delivers the email of a request
 * made after PostgreSQL is back, and sends each email once per Idempotency-Key.
 *   npm run build && npx tsx tests/load/worker-db-restart.ts
 * Port: WORKER_RESTART_PG_PORT (default 54432) for PostgreSQL. WORKER_LOG_LEVEL sets the worker's
 * log level and prints its output at the end.
 */
import path from 'node:path';
import pg from 'pg';
import { prepareDatabase } from '../../scripts/prepare-database';
import { startResendStub } from '../support/resend-stub';
import { check, type Proc, ROOT, restartableDatabase, startApp, startProcess, waitFor } from './harness';

const PG_PORT = Number(process.env.WORKER_RESTART_PG_PORT ?? 54432);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const started = Date.now();
  const database = await restartableDatabase({ port: PG_PORT });
  const stub = await startResendStub({ seed: 7 });
  const mail = { RESEND_API_KEY: 're_load_test', RESEND_BASE_URL: stub.url, EMAIL_TRANSPORT: 'resend' };
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let worker: Proc | undefined;
  try {
    await prepareDatabase(database.url);
    app = await startApp({ databaseUrl: database.url, env: { WORKER_IN_PROCESS: 'false', ...mail } });
    worker = startProcess(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/worker.ts'], {
      DATABASE_URL: database.url,
      APP_URL: app.url,
      APP_SECRET: 'load-test-secret-load-test-secret-load-test',
      LOG_LEVEL: process.env.WORKER_LOG_LEVEL ?? 'warn',
      ...mail,
    });
    const w = worker;
    await waitFor(
      async () => w.output().includes('[worker] running'),
      60_000,
      () => w.output(),
    );
    const workerPid = w.child.pid;
    const alive = () => w.child.exitCode === null && w.child.signalCode === null && w.child.pid === workerPid;

    let n = 0;
    const submit = async () => {
      n += 1;
      const email = `worker.restart.${n}.${started}@example.com`;
      const res = await fetch(`${app!.url}/api/v1/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, types: ['access'], jurisdiction: 'UK', confirm: true }),
      });
      check(res.status === 201, `request ${n} accepted (${res.status})`);
      return email;
    };
    const deliveredTo = (email: string) =>
      stub.deliveries.filter((d) => d.body.to === email || (Array.isArray(d.body.to) && d.body.to.includes(email)));

    const before = await submit();
    const firstMs = await waitFor(
      async () => deliveredTo(before).length > 0,
      30_000,
      () => w.output(),
    );
    check(true, `the worker delivered the first request's email (${firstMs} ms)`);

    // Mid-job: the stub holds its answer to the next email 3 s, and PostgreSQL stops meanwhile, so
    // the job ends (marking its email sent, then graphile-worker completing or failing the job)
    // while the database is away.
    stub.hangNext(1, 3000, 'on-arrival');
    const during = await submit();
    await waitFor(
      async () => stub.requests.some((r) => r.body.to === during),
      30_000,
      () => w.output(),
    );
    await database.stop();
    console.log('[worker-db-restart] PostgreSQL stopped while an email was being sent');
    // Long enough for the held job to end, and the pool, the LISTEN connection and the poll to meet the outage.
    await sleep(6000);
    check(
      alive(),
      `the worker process is still running while PostgreSQL is down${alive() ? '' : ` (exited: ${w.child.exitCode ?? w.child.signalCode})`}`,
    );
    await database.start();
    const back = Date.now();
    console.log('[worker-db-restart] PostgreSQL started again');
    await waitFor(async () => (await fetch(`${app!.url}/api/health`)).status === 200, 30_000);

    const after = await submit();
    const deliveredAfter = await waitFor(
      async () => {
        if (!alive()) throw new Error('the worker exited');
        return deliveredTo(after).length > 0;
      },
      60_000,
      () => w.output(),
    ).catch((error) => {
      throw new Error(
        `FAILED: the worker delivered nothing after PostgreSQL came back (${alive() ? 'still running' : `exited ${w.child.exitCode ?? w.child.signalCode}`}): ${error.message}\n${w.output().slice(-4000)}`,
      );
    });
    check(
      alive(),
      `the same worker process (pid ${workerPid}) delivered the email of a request made after PostgreSQL was back, ${Date.now() - back} ms after it was back (${deliveredAfter} ms after the request)`,
    );
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    const unsent = async () =>
      (await sql.query("SELECT count(*)::int AS n FROM outbox_email WHERE status <> 'sent'")).rows[0].n as number;
    const drained = await waitFor(
      async () => (await unsent()) === 0,
      60_000,
      () => w.output(),
    ).catch(() => -1);
    await sql.end();
    check(
      drained >= 0,
      `every outbox email sent, the one in flight at the stop included, within a minute of recovery (${drained} ms)`,
    );
    check(alive(), `still the same worker process (pid ${workerPid})`);
    // A retry still in flight would show up here: give it a moment, then count per Idempotency-Key.
    await sleep(2000);
    const perKey = new Map<string, number>();
    for (const d of stub.deliveries)
      perKey.set(String(d.idempotencyKey), (perKey.get(String(d.idempotencyKey)) ?? 0) + 1);
    check(
      [...perKey.values()].every((c) => c === 1),
      `every email delivered once per Idempotency-Key (${stub.deliveries.length} deliveries, ${perKey.size} keys)`,
    );
    // WORKER_LOG_LEVEL=info (or debug) shows what the worker did: its restart and the locks it released.
    if (process.env.WORKER_LOG_LEVEL) console.log(`[worker-db-restart] worker output:\n${w.output()}`);
    console.log(`[worker-db-restart] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    if (worker) console.error(`[worker-db-restart] worker output (end):\n${worker.output().slice(-4000)}`);
    throw error;
  } finally {
    await worker?.stop();
    await app?.proc.stop();
    await stub.close();
    await database.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
