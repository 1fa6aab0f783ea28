/**
 * The standalone worker (`npm run worker`) outlives a PostgreSQL restart (issue #19 §1): a web
 * instance without a worker of its own (WORKER_IN_PROCESS=false) and one `scripts/worker.ts` process,
 * both on one embedded PostgreSQL, emails through the local Resend stub. A request's email is
 * delivered; PostgreSQL stops while the worker is in the middle of sending another (the stub holds
 * its answer) and starts again; the SAME worker process (same pid, never exited) then finishes that
 * email without waiting for graphile-worker's 4-hour lock timeout, delivers the email of a request
 * made after PostgreSQL is back, and sends each email once per Idempotency-Key. A second outage
 * catches three emails in flight: two jobs fail while PostgreSQL is down (their failures cannot be
 * recorded), the third ends after it is back; the same process must still deliver new emails.
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

    // An outage with jobs in flight: the stub holds its answer to each of the next emails for the
    // given times while PostgreSQL stops 6 s and starts again. Each email job records its outcome
    // after the answer, so a job answered during the outage fails (throws) and graphile-worker
    // cannot record that either (its failJobs batch fails); one answered after the restart ends well.
    const outage = async (label: string, holdsMs: number[]) => {
      for (const ms of holdsMs) stub.hangNext(1, ms, 'on-arrival');
      const held: string[] = [];
      for (const _ of holdsMs) held.push(await submit());
      await waitFor(
        async () => held.every((email) => stub.requests.some((r) => r.body.to === email)),
        30_000,
        () => w.output(),
      );
      await database.stop();
      console.log(`[worker-db-restart] ${label}: PostgreSQL stopped while ${held.length} email(s) were being sent`);
      // Long enough for the jobs answered during the outage to end, and the pool, the LISTEN
      // connection and the poll to meet the outage.
      await sleep(6000);
      check(
        alive(),
        `the worker process is still running while PostgreSQL is down${alive() ? '' : ` (exited: ${w.child.exitCode ?? w.child.signalCode})`}`,
      );
      await database.start();
      console.log(`[worker-db-restart] ${label}: PostgreSQL started again`);
      await waitFor(async () => (await fetch(`${app!.url}/api/health`)).status === 200, 30_000);
      return Date.now();
    };

    /** Ms until the same worker delivers the email of a request made now; fails the proof otherwise. */
    const deliversNewRequest = async (failure: string) => {
      const after = await submit();
      return waitFor(
        async () => {
          if (!alive()) throw new Error('the worker exited');
          return deliveredTo(after).length > 0;
        },
        60_000,
        () => w.output(),
      ).catch((error) => {
        throw new Error(
          `FAILED: the worker delivered nothing ${failure} (${alive() ? 'still running' : `exited ${w.child.exitCode ?? w.child.signalCode}`}): ${error.message}\n${w.output().slice(-4000)}`,
        );
      });
    };

    // One job ends during the outage.
    let back = await outage('one job', [3000]);
    const deliveredAfter = await deliversNewRequest('after PostgreSQL came back');
    check(
      alive(),
      `the same worker process (pid ${workerPid}) delivered the email of a request made after PostgreSQL was back, ${Date.now() - back} ms after it was back (${deliveredAfter} ms after the request)`,
    );
    // Two jobs fail during the outage, at different moments (two failJobs batches fail), while a
    // third is still sending; it ends after PostgreSQL is back. graphile-worker 0.17.3 then hangs in
    // its own shutdown: the worker must still run jobs (lib/worker/supervise-worker.ts).
    back = await outage('three jobs', [3000, 4500, 14_000]);
    const deliveredAfterSecond = await deliversNewRequest('after the second outage');
    check(
      alive(),
      `after jobs failed during the second outage, the same worker process (pid ${workerPid}) delivered a new request's email ${Date.now() - back} ms after PostgreSQL was back (${deliveredAfterSecond} ms after the request)`,
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
