/**
 * bench/intake: sustained submissions per second through POST /api/v1/requests against the
 * production build at 50 concurrent connections (autocannon), next to a bare route handler in the
 * same build that only inserts one row (/api/bench/bare), measured in the same run. Each submission
 * has its own email address, so the per-address cap is never what is measured.
 * Target: intake ≥ 70% of the bare route's throughput, p99 < 250 ms.
 *   npm run build && npm run bench:intake        (needs the `autocannon` package)
 * The worker runs in the web process, as `npm start` runs it. BENCH_WORKER=separate runs the web
 * process with WORKER_IN_PROCESS=false and `npm run worker` beside it instead (a second deployment
 * shape, reported separately). Either way the verification emails delivered by the end of the
 * intake run are counted: throughput bought with an email backlog would show there.
 *
 * With BENCH_WORKER=separate, a last phase measures the requester's wait: a steady BENCH_RATE (100)
 * submissions per second for BENCH_STEADY_SECONDS (20), not saturation, with email going to the
 * local Resend stub; for each, the time from its 201 to the stub accepting its verification email
 * (p50 / p95 / p99). Target: p95 < 2 s.
 */
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { prepareDatabase } from '../scripts/prepare-database';
import { ROOT, restartableDatabase, startApp, startProcess, waitFor, type Proc } from '../tests/load/harness';
import { startResendStub } from '../tests/support/resend-stub';

const CONNECTIONS = 50;
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const SEPARATE_WORKER = process.env.BENCH_WORKER === 'separate';
const RATE = Number(process.env.BENCH_RATE ?? 100);
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 20);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

type Result = { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };

async function run(url: string, body: () => string): Promise<Result> {
  // autocannon is a devDependency to be installed: `npm i -D autocannon@9.0.0 @types/autocannon@7.12.7`.
  const { default: autocannon } = (await import('autocannon' as string)) as {
    default: (o: unknown) => Promise<Result>;
  };
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req: object) => ({ ...req, body: body() }),
      },
    ],
  });
}

async function main() {
  const database = await restartableDatabase();
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let worker: Proc | undefined;
  // The separate-worker shape sends through the Resend API (the local stub), which times each delivery.
  const stub = SEPARATE_WORKER ? await startResendStub() : undefined;
  const emailEnv: Record<string, string> = stub
    ? { EMAIL_TRANSPORT: 'resend', RESEND_API_KEY: 're_bench', RESEND_BASE_URL: stub.url }
    : { EMAIL_TRANSPORT: 'dev' };
  try {
    await prepareDatabase(database.url);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(
      'CREATE TABLE IF NOT EXISTS bench_bare_insert (id uuid PRIMARY KEY, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())',
    );
    // By default the worker runs in the web process, as `npm start` runs it: the verification emails are part of the cost.
    app = await startApp({
      databaseUrl: database.url,
      env: {
        BENCH_ROUTES: 'true',
        MAX_UNVERIFIED_PER_EMAIL: '1000',
        LOG_LEVEL: 'warn',
        ...emailEnv,
        ...(SEPARATE_WORKER ? { WORKER_IN_PROCESS: 'false' } : {}),
      },
    });
    if (SEPARATE_WORKER) {
      worker = startProcess(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/worker.ts'], {
        NODE_ENV: 'production',
        DATABASE_URL: database.url,
        APP_SECRET: 'load-test-secret-load-test-secret-load-test',
        LOG_LEVEL: 'warn',
        ...emailEnv,
      });
      await waitFor(
        async () => worker!.output().includes('[worker] running'),
        60_000,
        () => worker!.output(),
      );
    }
    const emailCounts = async () => {
      const { rows } = await client.query<{ total: number; sent: number }>(
        "SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'sent')::int AS sent FROM outbox_email",
      );
      return rows[0];
    };
    let n = 0;
    const requestBody = () => {
      n += 1;
      return JSON.stringify({
        email: `bench.${process.pid}.${n}@example.com`,
        types: ['access'],
        jurisdiction: 'UK',
        confirm: true,
      });
    };

    await run(`${app.url}/api/bench/bare`, requestBody); // warm-up of both paths
    await run(`${app.url}/api/v1/requests`, requestBody);
    const bare = await run(`${app.url}/api/bench/bare`, requestBody);
    const before = await emailCounts();
    const intake = await run(`${app.url}/api/v1/requests`, requestBody);
    const after = await emailCounts();
    const wait = stub ? await requesterWait(app.url, stub) : null;
    await client.end();

    const ratio = intake.requests.average / bare.requests.average;
    console.log(
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}; ${CONNECTIONS} connections, ${DURATION} s each; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `worker: ${SEPARATE_WORKER ? 'separate process (WORKER_IN_PROCESS=false + npm run worker)' : 'in the web process (as npm start runs it)'}`,
    );
    for (const [name, r] of [
      ['bare insert', bare],
      ['intake', intake],
    ] as const) {
      console.log(
        `${name.padEnd(12)} ${r.requests.average.toFixed(0)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors}`,
      );
    }
    const queued = after.total - before.total;
    const delivered = after.sent - before.sent;
    console.log(
      `verification emails during the intake run: ${queued} queued, ${delivered} delivered (backlog ${after.total - after.sent} at the end)`,
    );
    const ok = ratio >= 0.7 && intake.latency.p99 < 250 && intake.non2xx === 0;
    console.log(
      `intake/bare throughput: ${(ratio * 100).toFixed(0)}% (target ≥ 70%), intake p99 ${intake.latency.p99} ms (target < 250 ms): ${ok ? 'MET' : 'NOT MET'}`,
    );
    let waitOk = true;
    if (wait) {
      waitOk = wait.p95 < 2000 && wait.missing === 0;
      console.log(
        `requester's wait at a steady ${RATE}/s for ${STEADY_SECONDS} s (${wait.sent} submissions, ${wait.accepted} accepted at ${wait.achievedRate.toFixed(0)}/s): 201 → verification email at the provider p50 ${wait.p50} ms, p95 ${wait.p95} ms, p99 ${wait.p99} ms, max ${wait.max} ms; ${wait.missing} not delivered within 60 s (target p95 < 2000 ms): ${waitOk ? 'MET' : 'NOT MET'}`,
      );
    }
    process.exitCode = ok && waitOk ? 0 : 1;
  } finally {
    await worker?.stop();
    await app?.proc.stop();
    await stub?.close();
    await database.destroy();
  }
}

/**
 * Submissions at a steady rate, each sent on its own schedule (not waiting on the previous one), and
 * the time from each 201 to the provider stub accepting that address's verification email.
 */
async function requesterWait(url: string, stub: NonNullable<Awaited<ReturnType<typeof startResendStub>>>) {
  const total = RATE * STEADY_SECONDS;
  const acceptedAt = new Map<string, number>();
  const started = Date.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    if (due > Date.now()) await sleep(due - Date.now());
    const email = `steady.${process.pid}.${i}@example.com`;
    inFlight.push(
      fetch(`${url}/api/v1/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, types: ['access'], jurisdiction: 'UK', confirm: true }),
      }).then(async (res) => {
        if (res.status === 201) acceptedAt.set(email, Date.now());
        await res.arrayBuffer();
      }),
    );
  }
  await Promise.all(inFlight);
  const achievedRate = total / ((Date.now() - started) / 1000);
  const deliveredAt = () => {
    const at = new Map<string, number>();
    for (const d of stub.deliveries) {
      const to = Array.isArray(d.body.to) ? d.body.to[0] : d.body.to;
      if (acceptedAt.has(to) && /confirm/i.test(d.body.subject)) at.set(to, d.acceptedAt.getTime());
    }
    return at;
  };
  await waitFor(async () => deliveredAt().size >= acceptedAt.size, 60_000).catch(() => {});
  const delivered = deliveredAt();
  const waits = [...delivered].map(([email, at]) => at - acceptedAt.get(email)!);
  return {
    sent: total,
    accepted: acceptedAt.size,
    achievedRate,
    missing: acceptedAt.size - delivered.size,
    p50: percentile(waits, 50),
    p95: percentile(waits, 95),
    p99: percentile(waits, 99),
    max: Math.max(...waits),
  };
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
