/**
 * Faults under load, against the production build over HTTP: LOAD_SIZE (default 1,000) requests are
 * submitted through POST /api/v1/requests and confirmed through the verification link each one's
 * email carries, while the email provider (the local Resend stub) fails 30% of sends and the worker
 * process (`npm run worker`, the web process has WORKER_IN_PROCESS=false) is killed with SIGKILL and
 * started again three times. At the end: every request is in the database with its audit trail,
 * every verification and receipt email was delivered exactly once (one delivery per Idempotency-Key,
 * one key per email), and every due-date job exists. Prints the counts; exits 1 on any failure.
 *   npm run build && LOAD_SIZE=1000 npm run test:faults
 *
 * Time is compressed in two places, both stand-ins for waiting: a killed worker's job locks are aged
 * past graphile-worker's 4-hour lock timeout and its stale-lock sweep is run (as
 * tests/support/worker-process.ts does), and retries of failed sends are made due at once instead
 * of after graphile-worker's exponential back-off (e^attempts seconds).
 */
import path from 'node:path';
import { Logger, runTaskListOnce } from 'graphile-worker';
import pg from 'pg';
import { prepareDatabase } from '../../scripts/prepare-database';
import { startResendStub } from '../support/resend-stub';
import { ROOT, check, restartableDatabase, startApp, startProcess, waitFor, type Proc } from './harness';

const SIZE = Number(process.env.LOAD_SIZE ?? 1000);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 16);
const FAIL_RATE = 0.3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function pool<T>(items: T[], concurrency: number, run: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        await run(items[index], index);
      }
    }),
  );
}

async function main() {
  const started = Date.now();
  const database = await restartableDatabase();
  const stub = await startResendStub({ seed: 7 });
  stub.failRate(FAIL_RATE, 500);
  const sql = new pg.Pool({ connectionString: database.url, max: 3 });
  // An idle connection the server closes at teardown must not crash the script.
  sql.on('error', () => {});
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let worker: Proc | undefined;
  const workerEnv = {
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    APP_URL: 'http://127.0.0.1',
    APP_SECRET: 'load-test-secret-load-test-secret-load-test',
    RESEND_API_KEY: 're_load_test',
    RESEND_BASE_URL: stub.url,
    EMAIL_TRANSPORT: 'resend',
    WORKER_CONCURRENCY: '10',
    LOG_LEVEL: 'warn',
  };
  const startWorker = async () => {
    const proc = startProcess(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/worker.ts'], workerEnv);
    await waitFor(
      async () => proc.output().includes('[worker] running'),
      60_000,
      () => proc.output(),
    );
    return proc;
  };
  let kills = 0;
  /** SIGKILL the worker, expire its locks as four hours would, start a new one. */
  let restarting: Promise<void> = Promise.resolve();
  const killAndRestartWorker = () => (restarting = restarting.then(killAndRestartOnce));
  const killAndRestartOnce = async () => {
    await worker!.stop('SIGKILL');
    kills += 1;
    const aged = await sql.query(
      "UPDATE graphile_worker._private_jobs SET locked_at = now() - interval '5 hours' WHERE locked_at IS NOT NULL",
    );
    const client = await sql.connect();
    try {
      await runTaskListOnce({ logger: new Logger(() => () => {}) }, { 'stale-lock-sweep-only': async () => {} }, client)
        .promise;
    } finally {
      client.release();
    }
    worker = await startWorker();
    console.log(
      `[faults] worker killed and restarted (${kills}/3); ${aged.rowCount} jobs were locked by the dead worker`,
    );
  };
  // Failed sends are retried by the queue; here "later" is now.
  let fastForwarding = true;
  const fastForward = (async () => {
    while (fastForwarding) {
      await sql
        .query(
          `UPDATE graphile_worker._private_jobs SET run_at = now()
           WHERE task_id = (SELECT id FROM graphile_worker._private_tasks WHERE identifier = 'deliver-email')
             AND attempts > 0 AND locked_at IS NULL AND run_at > now()`,
        )
        .catch(() => {});
      await sleep(500);
    }
  })();

  try {
    await prepareDatabase(database.url);
    app = await startApp({
      databaseUrl: database.url,
      env: {
        WORKER_IN_PROCESS: 'false',
        RESEND_API_KEY: 're_load_test',
        RESEND_BASE_URL: stub.url,
        EMAIL_TRANSPORT: 'resend',
      },
    });
    worker = await startWorker();
    const { url } = app;
    console.log(
      `[faults] ${SIZE} requests, ${CONCURRENCY} at a time; the email stub fails ${FAIL_RATE * 100}% of sends`,
    );

    // 1. Submit, killing the worker after a third and after two thirds.
    const emails = Array.from({ length: SIZE }, (_, i) => `load.${i}.${Date.now()}@example.com`);
    const ids = new Map<string, string>();
    const killAt = new Set([Math.floor(SIZE / 3), Math.floor((2 * SIZE) / 3)]);
    let submittedCount = 0;
    const submitStarted = Date.now();
    await pool(emails, CONCURRENCY, async (email, index) => {
      if (killAt.has(index)) await killAndRestartWorker();
      const res = await fetch(`${url}/api/v1/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email,
          types: ['access', 'deletion'],
          jurisdiction: index % 2 ? 'UK' : 'EU',
          confirm: true,
        }),
      });
      if (res.status !== 201) throw new Error(`submission ${index}: ${res.status} ${await res.text()}`);
      ids.set(email, (await res.json()).id);
      submittedCount += 1;
    });
    const submitSeconds = (Date.now() - submitStarted) / 1000;
    console.log(
      `[faults] submitted ${submittedCount} in ${submitSeconds.toFixed(1)} s (${(submittedCount / submitSeconds).toFixed(0)}/s)`,
    );

    // 2. Confirm each request from the link in its email, as it arrives; the third kill half-way.
    const verifyStarted = Date.now();
    const linkFor = (email: string) => {
      const delivery = stub.deliveries.find(
        (d) => d.body.to === email || (Array.isArray(d.body.to) && d.body.to.includes(email)),
      );
      return delivery?.body.text && /\/verify\?token=([A-Za-z0-9_-]{43})/.exec(delivery.body.text)?.[1];
    };
    let verified = 0;
    await pool(emails, CONCURRENCY, async (email, index) => {
      if (index === Math.floor(SIZE / 2)) await killAndRestartWorker();
      let token: string | undefined | null;
      await waitFor(
        async () => {
          token = linkFor(email);
          return Boolean(token);
        },
        180_000,
        () => `no verification email for ${email}`,
      );
      const res = await fetch(`${url}/verify/confirm`, {
        method: 'POST',
        body: new URLSearchParams({ token: token! }),
        redirect: 'manual',
      });
      const location = res.headers.get('location') ?? '';
      if (res.status !== 303 || !location.startsWith(`/status/${ids.get(email)}?token=`)) {
        // The server logged the cause under a reference: show it with the failure.
        const log = app!.proc
          .output()
          .split('\n')
          .filter((line) => /"level":(50|60)/.test(line));
        throw new Error(`verify ${email}: ${res.status} ${location}\n${log.slice(-5).join('\n')}`);
      }
      verified += 1;
    });
    console.log(`[faults] confirmed ${verified} in ${((Date.now() - verifyStarted) / 1000).toFixed(1)} s`);

    // 3. Every receipt goes out too.
    await waitFor(
      async () =>
        (await sql.query("SELECT count(*)::int AS n FROM outbox_email WHERE status <> 'sent'")).rows[0].n === 0,
      300_000,
      () => 'outbox never drained',
    );

    // 4. The counts.
    const q = async (text: string, values: unknown[] = []) => (await sql.query(text, values)).rows;
    const idList = [...ids.values()];
    const [requests] = await q(
      "SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'verified')::int AS verified FROM privacy_request WHERE id = ANY($1::uuid[])",
      [idList],
    );
    const [audit] = await q(
      `SELECT count(*) FILTER (WHERE a = 2)::int AS complete FROM (
         SELECT request_id, count(DISTINCT action) FILTER (WHERE action IN ('request.submitted', 'request.verified')) AS a
         FROM audit_event WHERE request_id = ANY($1::uuid[]) GROUP BY request_id) t`,
      [idList],
    );
    const outbox = await q(
      'SELECT template, count(*)::int AS n, count(DISTINCT "to")::int AS recipients, count(*) FILTER (WHERE status = \'sent\')::int AS sent FROM outbox_email GROUP BY template ORDER BY template',
    );
    const outboxIds = new Set((await q('SELECT id FROM outbox_email')).map((r) => r.id as string));
    const perKey = stub.requestsPerKey();
    const deliveredKeys = new Set(stub.deliveries.map((d) => d.idempotencyKey));
    const perRecipientSubject = new Map<string, number>();
    for (const d of stub.deliveries) {
      const k = `${String(d.body.to)}|${d.body.subject.replace(/BR-\d{4}-\d{6}/, '')}`;
      perRecipientSubject.set(k, (perRecipientSubject.get(k) ?? 0) + 1);
    }
    const duplicates = [...perRecipientSubject.values()].filter((n) => n > 1).length;
    const retried = [...perKey.values()].filter((n) => n > 1).length;
    const failedRequests = stub.requests.filter((r) => r.status >= 400).length;
    const dueJobs = await q(
      `SELECT count(DISTINCT substring(key from 'deadline:([0-9a-f-]{36}):overdue'))::int AS overdue,
              count(*) FILTER (WHERE key LIKE 'deadline:%:reminder:%')::int AS reminders
       FROM graphile_worker._private_jobs WHERE key LIKE 'deadline:%'`,
    );
    const reminderOffsets = 2; // REMINDER_OFFSETS_DAYS default "7,2"

    console.log('[faults] counts:');
    console.log(`  requests in the database: ${requests.total}/${SIZE} (${requests.verified} verified)`);
    console.log(`  with submitted + verified audit events: ${audit.complete}`);
    for (const row of outbox)
      console.log(`  outbox ${row.template}: ${row.n} emails to ${row.recipients} addresses, ${row.sent} sent`);
    console.log(
      `  stub: ${stub.requests.length} send attempts, ${failedRequests} failed (${((failedRequests / stub.requests.length) * 100).toFixed(1)}%), ${retried} emails needed a retry, ${stub.deliveries.length} deliveries`,
    );
    console.log(`  due-date jobs: ${dueJobs[0].overdue} overdue, ${dueJobs[0].reminders} reminders`);
    console.log(`  worker kills: ${kills}`);

    check(requests.total === SIZE, `every request is in the database (${requests.total}/${SIZE})`);
    check(requests.verified === SIZE, `every request is verified (${requests.verified}/${SIZE})`);
    check(audit.complete === SIZE, `every request has its audit trail (${audit.complete}/${SIZE})`);
    const byTemplate = Object.fromEntries(outbox.map((r) => [r.template, r]));
    for (const template of ['verify-request', 'request-received']) {
      check(
        byTemplate[template]?.n === SIZE && byTemplate[template]?.recipients === SIZE,
        `one ${template} email per request (${byTemplate[template]?.n ?? 0})`,
      );
    }
    check(
      stub.deliveries.length === outboxIds.size,
      `one delivery per outbox email (${stub.deliveries.length}/${outboxIds.size})`,
    );
    check(
      [...outboxIds].every((id) => deliveredKeys.has(id)),
      'every outbox email delivered under its own Idempotency-Key',
    );
    check(duplicates === 0, 'no recipient got the same email twice');
    check(failedRequests > 0 && retried > 0, 'the stub did fail sends, and they were retried');
    check(
      dueJobs[0].overdue === SIZE && dueJobs[0].reminders === SIZE * reminderOffsets,
      `every due-date job exists (${dueJobs[0].overdue} overdue, ${dueJobs[0].reminders} reminders)`,
    );
    check(kills === 3, 'the worker was killed and restarted three times');
    console.log(`[faults] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    fastForwarding = false;
    await fastForward;
    await worker?.stop('SIGKILL');
    await app?.proc.stop();
    await sql.end().catch(() => {});
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
