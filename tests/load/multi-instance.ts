/**
 * Several instances behind a load balancer, under load and faults (issue #19 §1), all on this
 * machine's loopback: Debian's nginx (a child process with a generated config, round-robin) over two
 * production web instances (scripts/app-server.ts, WORKER_IN_PROCESS=false, TRUSTED_PROXIES=127.0.0.1),
 * two `npm run worker` processes, one embedded PostgreSQL, the s3rver bucket and the Resend stub.
 * For MULTI_SECONDS (default 75) it posts the web form and the JSON API, confirms each request from
 * the link in its email and reads its status page, while it SIGKILLs a web instance and starts it
 * again, SIGKILLs a worker in the middle of sending emails and starts it again, SIGKILLs the worker
 * sending a data package to the bucket mid-upload and starts it again, and restarts PostgreSQL.
 * Meanwhile staff take access requests through to ~16 MiB packages (tests/load/multi-staff.ts).
 * A worker process that exits by itself fails the proof.
 * Then it checks that no accepted request was lost (each in the database with its audit events,
 * outbox emails and due-date jobs), that each email was delivered once per Idempotency-Key and that
 * no request was stored twice, that each package was built once with no orphaned object or
 * unfinished upload left in the bucket; prints the figures and exits 1 on any loss or duplicate.
 *   npm run build && npm run test:multi
 *
 * nginx retries the next instance on a connection error, a timeout, a 502 or a 503 for idempotent
 * requests only (its default for POST: a POST is retried only when it never reached an instance, so
 * a submission is never stored twice); the load's clients never retry. Time is compressed in one
 * place, as in faults-under-load.ts: the killed worker's job locks are aged past graphile-worker's
 * 4-hour lock timeout and its stale-lock sweep is run. nginx never marks an instance down
 * (max_fails=0): a killed instance's refused connections go to the next one, and with max_fails=1 the
 * failures the database restart causes could take the healthy instance out of rotation too.
 *
 * Ports: MULTI_PORT_BASE (default 3310) for nginx, +1 and +2 for the instances; MULTI_PG_PORT
 * (default 54421) for PostgreSQL.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Logger, runTaskListOnce } from 'graphile-worker';
import pg from 'pg';
import { prepareDatabase } from '../../scripts/prepare-database';
import { startResendStub } from '../support/resend-stub';
import { startS3Server } from '../support/s3-server';
import { check, type Proc, ROOT, restartableDatabase, startProcess, waitFor } from './harness';
import { startStaffLoad } from './multi-staff';

const SECONDS = Number(process.env.MULTI_SECONDS ?? 75);
const BASE = Number(process.env.MULTI_PORT_BASE ?? 3310);
const PG_PORT = Number(process.env.MULTI_PG_PORT ?? 54421);
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const MIN_FILL_SECONDS = 1;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => console.log(`[multi ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${line}`);
const t0 = Date.now();

/** `claimed`: a confirmer is posting its link now; `verified`: the portal said it is confirmed. */
type Accepted = { id: string; email: string; route: string; claimed: boolean; verified: boolean; statusRead: boolean };

function nginxConfig(dir: string, ports: number[]) {
  return `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream portal {
${ports.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${BASE};
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_connect_timeout 1s;
      proxy_read_timeout 30s;
      # Idempotent requests only: nginx passes a POST on only when it never reached an instance.
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
    }
  }
}
`;
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const database = await restartableDatabase({ port: PG_PORT });
  const stub = await startResendStub({ seed: 19 });
  const s3 = await startS3Server({ bucket: 'multi' });
  const nginxDir = await mkdtemp(path.join(os.tmpdir(), 'portal-multi-nginx-'));
  const sql = new pg.Pool({ connectionString: database.url, max: 3 });
  sql.on('error', () => {});
  const url = `http://127.0.0.1:${BASE}`;
  const webPorts = [BASE + 1, BASE + 2];
  const common = {
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    APP_URL: url,
    NEXTAUTH_URL: url,
    APP_SECRET: 'load-test-secret-load-test-secret-load-test',
    RESEND_API_KEY: 're_load_test',
    RESEND_BASE_URL: stub.url,
    EMAIL_TRANSPORT: 'resend',
    LOG_LEVEL: 'warn',
    ...s3.env('multi'),
  };
  const web: Proc[] = [];
  const workers: Proc[] = [];
  let nginx: Proc | undefined;

  const startWeb = async (index: number) => {
    const port = webPorts[index];
    const proc = startProcess(process.execPath, ['--import', 'tsx', 'scripts/app-server.ts', 'start'], {
      ...common,
      PORT: String(port),
      WORKER_IN_PROCESS: 'false',
      TRUSTED_PROXIES: '127.0.0.1',
      FORM_MIN_FILL_SECONDS: String(MIN_FILL_SECONDS),
      // Every load request comes from this machine's one address (as tests/load/harness.ts does).
      RATE_LIMIT_SUBMIT_PER_IP: '1000000',
      RATE_LIMIT_RESEND_PER_IP: '1000000',
      RATE_LIMIT_FAILED_LOOKUPS_PER_IP: '1000000',
    });
    web[index] = proc;
    const ms = await waitFor(
      async () => (await fetch(`http://127.0.0.1:${port}/api/health/ready`).catch(() => null))?.status === 200,
      90_000,
      () => proc.output(),
    );
    return ms;
  };
  /**
   * The job locks a dead worker process held (`locked_by` = its pools' ids, which scripts/worker.ts
   * prints), aged past graphile-worker's 4-hour lock timeout and swept, as four hours would. Only
   * its own: a live worker's jobs are never touched. Retried while the database is down.
   */
  const releaseLocksOf = async (poolIds: string[]) => {
    let released = 0;
    await waitFor(async () => {
      const aged = await sql.query(
        "UPDATE graphile_worker._private_jobs SET locked_at = now() - interval '5 hours' WHERE locked_by = ANY($1::text[])",
        [poolIds],
      );
      released = aged.rowCount ?? 0;
      const client = await sql.connect();
      try {
        await runTaskListOnce(
          { logger: new Logger(() => () => {}) },
          { 'stale-lock-sweep-only': async () => {} },
          client,
        ).promise;
      } finally {
        client.release();
      }
      return true;
    }, 60_000);
    return released;
  };
  /**
   * Workers that died on their own (not killed here) fail the proof: scripts/worker.ts restarts its
   * runner in place (lib/worker/supervise-worker.ts). One is still restarted here, so that the run
   * ends with its figures.
   */
  const crashes: string[] = [];
  let stopping = false;
  const poolsOf = new Map<Proc, string[]>();
  const startWorker = async (index: number) => {
    const proc = startProcess(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/worker.ts'], {
      ...common,
      WORKER_CONCURRENCY: '5',
    });
    workers[index] = proc;
    const pools: string[] = [];
    proc.child.stdout!.on('data', (c: Buffer) => {
      for (const m of c.toString().matchAll(/\[worker\] pool (\S+)/g)) pools.push(m[1]);
    });
    poolsOf.set(proc, pools);
    let killedHere = false;
    const stop = proc.stop;
    proc.stop = (signal) => {
      killedHere = true;
      return stop(signal);
    };
    proc.child.once('exit', (code, signal) => {
      if (killedHere || stopping) return;
      const at = new Date();
      const last = proc
        .output()
        .split('\n')
        .filter((l) => /^(Error|\w*Error):/.test(l))
        .at(-1);
      crashes.push(
        `worker ${index + 1} exited by itself (${signal ?? code}) at ${((at.getTime() - t0) / 1000).toFixed(1)} s: ${last ?? 'no error line'}`,
      );
      log(crashes.at(-1)!);
      void (async () => {
        const released = await releaseLocksOf(pools);
        await startWorker(index);
        log(`worker ${index + 1} restarted by the supervisor; ${released} job lock(s) it held released`);
      })();
    });
    await waitFor(
      async () => proc.output().includes('[worker] running'),
      60_000,
      () => proc.output(),
    );
  };

  // What the load saw, per route.
  const latencies = new Map<string, number[]>();
  const statuses = new Map<string, Map<number, number>>();
  const accepted: Accepted[] = [];
  const attempted = new Set<string>();
  const record = (route: string, status: number, ms: number) => {
    if (!latencies.has(route)) latencies.set(route, []);
    latencies.get(route)!.push(ms);
    if (!statuses.has(route)) statuses.set(route, new Map());
    const m = statuses.get(route)!;
    m.set(status, (m.get(status) ?? 0) + 1);
  };
  const timed = async (route: string, input: string, init?: RequestInit) => {
    const started = performance.now();
    const res = await fetch(`${url}${input}`, { redirect: 'manual', ...init }).catch(() => null);
    record(route, res?.status ?? 0, performance.now() - started);
    return res;
  };
  let n = 0;
  const nextEmail = () => {
    n += 1;
    const email = `multi.${n}.${t0}@example.com`;
    attempted.add(email);
    return email;
  };

  const postApi = async () => {
    const email = nextEmail();
    const res = await timed('POST /api/v1/requests', '/api/v1/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, types: ['access', 'deletion'], jurisdiction: n % 2 ? 'UK' : 'EU', confirm: true }),
    });
    if (res?.status === 201)
      accepted.push({
        id: (await res.json()).id,
        email,
        route: 'api',
        claimed: false,
        verified: false,
        statusRead: false,
      });
    else await res?.arrayBuffer().catch(() => {});
  };
  const postForm = async () => {
    const page = await timed('GET /', '/');
    if (page?.status !== 200) return void (await page?.arrayBuffer().catch(() => {}));
    const stamp = /name="formStartedAt"[^>]*value="([^"]+)"/.exec(await page.text())?.[1];
    if (!stamp) throw new Error('the form has no formStartedAt');
    await sleep(MIN_FILL_SECONDS * 1000 + 50);
    const email = nextEmail();
    const form = new URLSearchParams({ email, jurisdiction: 'UK', confirm: 'on', website: '', formStartedAt: stamp });
    form.append('types', 'access');
    const res = await timed('POST /', '/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url },
      body: form,
    });
    await res?.arrayBuffer().catch(() => {});
    const id = /^\/submitted\/([0-9a-f-]{36})\?token=/.exec(res?.headers.get('location') ?? '')?.[1];
    if (res?.status === 303 && id)
      accepted.push({ id, email, route: 'form', claimed: false, verified: false, statusRead: false });
  };
  const tokenFor = (email: string) => {
    const delivery = stub.deliveries.find(
      (d) => d.body.to === email || (Array.isArray(d.body.to) && d.body.to.includes(email)),
    );
    return delivery?.body.text && /\/verify\?token=([A-Za-z0-9_-]{43})/.exec(delivery.body.text)?.[1];
  };
  /** Everything before it is confirmed: only confirmations move it, never a claim still in flight. */
  let verifyCursor = 0;
  let alreadyConfirmed = 0;
  /**
   * Confirms the oldest accepted request whose email has arrived and that no other confirmer holds,
   * then reads its status page. An answer lost to a fault (no response, or nginx's 502 when the
   * instance died) is tried again: the portal then says "already confirmed" if the first try went through.
   */
  const verifyOne = async (): Promise<boolean> => {
    const pending = accepted.slice(verifyCursor).find((a) => !a.verified && !a.claimed && tokenFor(a.email));
    if (!pending) return false;
    pending.claimed = true;
    try {
      const res = await timed('POST /verify/confirm', '/verify/confirm', {
        method: 'POST',
        body: new URLSearchParams({ token: tokenFor(pending.email)! }),
      });
      await res?.arrayBuffer().catch(() => {});
      const location = res?.headers.get('location') ?? '';
      if (res?.status !== 303) return true;
      if (/^\/verify\?.*result=already-verified/.test(location)) {
        pending.verified = true;
        alreadyConfirmed += 1;
      } else if (location.startsWith(`/status/${pending.id}?token=`)) {
        pending.verified = true;
        const status = await timed('GET /status/[id]', location);
        await status?.arrayBuffer().catch(() => {});
        pending.statusRead = status?.status === 200;
      }
      return true;
    } finally {
      pending.claimed = false;
      while (verifyCursor < accepted.length && accepted[verifyCursor].verified) verifyCursor += 1;
    }
  };
  const faults: string[] = [];
  let killedHolding = 0;
  let killedMidUpload = 0;
  let killedUpload: string | undefined;
  try {
    await prepareDatabase(database.url);
    const boot = await Promise.all([startWeb(0), startWeb(1), startWorker(0), startWorker(1)]);
    await writeFile(path.join(nginxDir, 'nginx.conf'), nginxConfig(nginxDir, webPorts));
    nginx = startProcess(NGINX, ['-p', nginxDir, '-c', path.join(nginxDir, 'nginx.conf')], {});
    await waitFor(
      async () => (await fetch(`${url}/api/health/live`).catch(() => null))?.status === 200,
      20_000,
      () => nginx!.output(),
    );
    log(`up: nginx :${BASE} -> web :${webPorts.join(', :')} (ready in ${boot.slice(0, 2).join(', ')} ms), 2 workers`);
    const staff = await startStaffLoad({
      url,
      env: common,
      s3,
      emailPattern: `multi.%.${t0}@example.com`,
      confirmed: () => accepted.flatMap((a) => (a.verified ? [a.id] : [])),
      record,
      log,
    });

    // The load: 3 API posters, 2 form posters, 2 confirmers (each also reads the status page).
    let loading = true;
    const loop = (work: () => Promise<unknown>, idleMs = 0) =>
      (async () => {
        while (loading) {
          const busy = await work().catch((e) => {
            console.error(e);
            return false;
          });
          if (busy === false || idleMs) await sleep(idleMs || 200);
        }
      })();
    const loops = [
      loop(postApi, 25),
      loop(postApi, 25),
      loop(postApi, 25),
      loop(postForm, 25),
      loop(postForm, 25),
      loop(verifyOne),
      loop(verifyOne),
      loop(staff.work),
      loop(staff.work),
    ];

    // The faults, one after another.
    const at = (s: number) => sleep(Math.max(0, t0Load + s * 1000 - Date.now()));
    const t0Load = Date.now();

    await at(SECONDS * 0.15);
    const errorsBefore = countErrors(statuses);
    await web[0].stop('SIGKILL');
    const killedWebAt = Date.now();
    log('web instance 1 killed (SIGKILL); starting it again');
    const webBoot = await startWeb(0);
    faults.push(
      `web instance killed: back in rotation (ready) ${((Date.now() - killedWebAt) / 1000).toFixed(1)} s after the kill (${(webBoot / 1000).toFixed(1)} s to boot); ${countErrors(statuses) - errorsBefore} client-visible failures meanwhile`,
    );
    log(faults.at(-1)!);

    await at(SECONDS * 0.35);
    // Mid-job: the provider takes the next emails but holds its answers 8 s, so that the worker to be
    // killed is inside a send; the emails it held are sent again under the same Idempotency-Key.
    const killed = workers[0];
    stub.hangNext(6, 8000, 'on-arrival');
    await waitFor(
      async () =>
        (
          await sql.query(
            'SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE locked_by = ANY($1::text[])',
            [poolsOf.get(killed) ?? []],
          )
        ).rows[0].n > 0,
      15_000,
    ).catch(() => log('the worker held no job when it was killed'));
    await killed.stop('SIGKILL');
    const killedWorkerAt = new Date();
    const aged = { rowCount: await releaseLocksOf(poolsOf.get(killed) ?? []) };
    killedHolding = aged.rowCount;
    await startWorker(0);
    faults.push(
      `worker killed holding ${aged.rowCount} job(s): locks released and worker running again ${((Date.now() - killedWorkerAt.getTime()) / 1000).toFixed(1)} s after the kill`,
    );
    log(faults.at(-1)!);

    await at(SECONDS * 0.45);
    // Mid-upload: the bucket holds the next package part it receives, and the worker whose process
    // sent it is killed (staff held their last packages back until now, so that one comes).
    const upload = await staff.packageUploadInFlight(60_000);
    const uploader = workers.findIndex((w) => w.child.pid === upload?.processGroup);
    if (upload && uploader >= 0) {
      const victim = workers[uploader];
      await victim.stop('SIGKILL');
      const killedUploadAt = Date.now();
      const released = await releaseLocksOf(poolsOf.get(victim) ?? []);
      await startWorker(uploader);
      killedMidUpload = released;
      killedUpload = upload.uploadId;
      faults.push(
        `worker ${uploader + 1} killed mid-upload of a package (holding ${released} job(s)): locks released and worker running again ${((Date.now() - killedUploadAt) / 1000).toFixed(1)} s after the kill`,
      );
    } else faults.push('no package upload was in flight within 60 s: no worker killed mid-upload');
    log(faults.at(-1)!);

    await at(SECONDS * 0.55);
    const webPids = web.map((p) => p.child.pid);
    await database.stop();
    const stoppedAt = Date.now();
    log('PostgreSQL stopped');
    const to503 = await waitFor(async () => (await fetch(`${url}/api/health/ready`)).status === 503, 10_000);
    check(true, `/api/health/ready through nginx answers 503 ${to503} ms after PostgreSQL stopped`);
    await sleep(4000);
    await database.start();
    const startedAt = Date.now();
    const recovered = await waitFor(async () => (await fetch(`${url}/api/health/ready`)).status === 200, 30_000);
    faults.push(
      `PostgreSQL restarted (down ${((startedAt - stoppedAt) / 1000).toFixed(1)} s): ready again through nginx ${recovered} ms after it was back, same instance processes`,
    );
    log(faults.at(-1)!);
    check(
      web.every((p, i) => p.child.pid === webPids[i] && p.child.exitCode === null),
      'the instances were not restarted for the database restart',
    );

    await at(SECONDS);
    loading = false;
    await Promise.all(loops);
    const acknowledged = accepted.length;
    log(`load stopped: ${acknowledged} accepted of ${attempted.size} submissions; confirming the rest`);
    // A submission in flight when its instance died may be stored though its client saw a failure:
    // not lost, but confirmed here too, so that every stored request has all its emails.
    const known = new Set(accepted.map((a) => a.email));
    for (const row of (
      await sql.query('SELECT id, email FROM privacy_request WHERE email LIKE $1', [`multi.%.${t0}@example.com`])
    ).rows)
      if (!known.has(row.email))
        accepted.push({
          id: row.id,
          email: row.email,
          route: 'in-flight',
          claimed: false,
          verified: false,
          statusRead: false,
        });

    // Drain: every accepted request confirmed from its email, every email sent.
    await waitFor(
      async () => {
        while (await verifyOne()) {}
        return accepted.every((a) => a.verified);
      },
      180_000,
      () => `${accepted.filter((a) => !a.verified).length} requests never confirmed`,
    );
    await staff.drain(180_000);
    await waitFor(
      async () =>
        (await sql.query("SELECT count(*)::int AS n FROM outbox_email WHERE status <> 'sent'")).rows[0].n === 0,
      180_000,
      () => 'outbox never drained',
    ).catch(async (error) => {
      // Which emails, and where their jobs stand: locked by whom, retried when, failing with what.
      const { rows } = await sql.query(
        `SELECT o.template, o.status, o.attempts, j.attempts AS job_attempts, j.run_at, j.locked_at, j.locked_by,
                left(j.last_error, 160) AS last_error
         FROM outbox_email o LEFT JOIN graphile_worker._private_jobs j ON j.payload->>'outboxId' = o.id::text
         WHERE o.status <> 'sent' LIMIT 20`,
      );
      const pools = [...poolsOf.entries()].map(([p, ids]) => `${p.child.pid}: ${ids.join(', ')}`).join('; ');
      throw new Error(`${error.message}\n${JSON.stringify(rows, null, 1)}\nworker pools: ${pools}`);
    });

    // The counts.
    const q = async (text: string, values: unknown[] = []) => (await sql.query(text, values)).rows;
    const ids = accepted.map((a) => a.id);
    const acknowledgedIds = accepted.slice(0, acknowledged).map((a) => a.id);
    const [stored] = await q(
      // Confirmed, and some then taken further by staff.
      "SELECT count(*)::int AS total, count(*) FILTER (WHERE status IN ('verified', 'in_progress', 'completed'))::int AS verified FROM privacy_request WHERE id = ANY($1::uuid[])",
      [acknowledgedIds],
    );
    const [byEmail] = await q(
      `SELECT count(*)::int AS rows, count(DISTINCT email)::int AS emails FROM privacy_request WHERE email LIKE $1`,
      [`multi.%.${t0}@example.com`],
    );
    const [audit] = await q(
      `SELECT count(*) FILTER (WHERE a = 2)::int AS complete FROM (
         SELECT request_id, count(DISTINCT action) FILTER (WHERE action IN ('request.submitted', 'request.verified')) AS a
         FROM audit_event WHERE request_id = ANY($1::uuid[]) GROUP BY request_id) t`,
      [ids],
    );
    const outbox = await q(
      `SELECT template, count(*)::int AS n, count(DISTINCT "to")::int AS recipients, count(*) FILTER (WHERE status = 'sent')::int AS sent
       FROM outbox_email GROUP BY template ORDER BY template`,
    );
    const outboxIds = new Set((await q('SELECT id FROM outbox_email')).map((r) => r.id as string));
    // Completing a request cancels its due-date jobs (staff completed some).
    const [dueJobs] = await q(
      `SELECT count(*) FILTER (WHERE status <> 'completed' AND due)::int AS overdue,
              count(*) FILTER (WHERE status <> 'completed')::int AS open,
              count(*) FILTER (WHERE status = 'completed' AND due)::int AS completed_with_job
       FROM (SELECT status, EXISTS (SELECT 1 FROM graphile_worker._private_jobs j
               WHERE j.key = 'deadline:' || r.id || ':overdue') AS due
             FROM privacy_request r WHERE email LIKE $1) t`,
      [`multi.%.${t0}@example.com`],
    );
    const perKey = new Map<string, number>();
    for (const d of stub.deliveries)
      perKey.set(String(d.idempotencyKey), (perKey.get(String(d.idempotencyKey)) ?? 0) + 1);
    const duplicateDeliveries = [...perKey.values()].filter((c) => c > 1).length;
    const retriedSends = [...stub.requestsPerKey().values()].filter((c) => c > 1).length;
    const storedUnacknowledged = accepted.length - acknowledged;
    const duplicateRequests = byEmail.rows - byEmail.emails;
    const lost = acknowledged - stored.total;

    console.log('\n[multi] figures');
    console.log(
      `  submissions sent: ${attempted.size}; accepted: ${acknowledged} (api ${accepted.filter((a) => a.route === 'api').length}, form ${accepted.filter((a) => a.route === 'form').length}); lost: ${lost}; duplicates: ${duplicateRequests}`,
    );
    console.log(`  stored without the client seeing its 2xx (in flight at a fault): ${storedUnacknowledged}`);
    console.log(
      `  status pages read: ${accepted.filter((a) => a.statusRead).length}; confirmations whose answer was lost, then "already confirmed": ${alreadyConfirmed}`,
    );
    console.log('  route                       count    p50 ms    p99 ms  statuses');
    for (const [route, values] of latencies) {
      const sorted = [...values].sort((a, b) => a - b);
      console.log(
        `  ${route.padEnd(26)} ${String(sorted.length).padStart(6)} ${percentile(sorted, 50).toFixed(0).padStart(9)} ${percentile(sorted, 99).toFixed(0).padStart(9)}  ${JSON.stringify(Object.fromEntries(statuses.get(route)!))}`,
      );
    }
    for (const f of faults) console.log(`  fault: ${f}`);
    for (const c of crashes) console.log(`  unplanned: ${c}`);
    for (const row of outbox)
      console.log(`  outbox ${row.template}: ${row.n} emails to ${row.recipients} addresses, ${row.sent} sent`);
    console.log(
      `  stub: ${stub.requests.length} send attempts, ${stub.deliveries.length} deliveries, ${retriedSends} keys sent more than once, ${duplicateDeliveries} delivered more than once`,
    );
    console.log(
      `  due-date jobs: ${dueJobs.overdue} of ${dueJobs.open} open requests with an overdue job; ${dueJobs.completed_with_job} completed requests still with one`,
    );
    const killedUploadEnd = killedUpload ? staff.uploadOutcome(killedUpload) : 'none killed';
    console.log(`  the upload killed with its worker: ${killedUploadEnd}`);
    const staffChecks = await staff.report();
    console.log('');

    check(crashes.length === 0, `no worker process exited by itself (${crashes.length})`);
    check(killedHolding > 0, `a worker was killed in the middle of its jobs (${killedHolding})`);
    check(
      killedMidUpload > 0 && killedUploadEnd === 'aborted',
      `a worker was killed in the middle of a package upload, which the retried build then aborted (${killedUploadEnd})`,
    );
    check(lost === 0, `no accepted request lost (${stored.total}/${acknowledged} in the database)`);
    check(stored.verified === acknowledged, `every accepted request confirmed (${stored.verified})`);
    check(duplicateRequests === 0, `no request stored twice (${byEmail.rows} rows for ${byEmail.emails} addresses)`);
    check(
      audit.complete === accepted.length,
      `every accepted request has its submitted and verified audit events (${audit.complete})`,
    );
    const byTemplate = Object.fromEntries(outbox.map((r) => [r.template, r]));
    for (const template of ['verify-request', 'request-received'])
      check(
        byTemplate[template]?.n === byEmail.emails && byTemplate[template]?.recipients === byEmail.emails,
        `one ${template} email per stored request (${byTemplate[template]?.n ?? 0}/${byEmail.emails})`,
      );
    check(
      stub.deliveries.length === outboxIds.size,
      `one delivery per outbox email (${stub.deliveries.length}/${outboxIds.size})`,
    );
    check(
      [...outboxIds].every((id) => perKey.get(id) === 1),
      'every outbox email delivered exactly once under its Idempotency-Key',
    );
    check(
      dueJobs.overdue === dueJobs.open && dueJobs.completed_with_job === 0,
      `every open stored request has its due-date job, no completed one (${dueJobs.overdue}/${dueJobs.open}, ${dueJobs.completed_with_job})`,
    );
    staffChecks();
    check(
      accepted.some((a) => a.route === 'form') && accepted.some((a) => a.route === 'api'),
      'both the form and the API were accepted',
    );
    console.log(`[multi] done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (error) {
    for (const [i, p] of web.entries())
      console.error(`[multi] web ${i + 1} output (end):\n${p?.output().slice(-3000)}`);
    for (const [i, p] of workers.entries())
      console.error(`[multi] worker ${i + 1} output (end):\n${p?.output().slice(-2000)}`);
    throw error;
  } finally {
    stopping = true;
    await nginx?.stop('SIGQUIT');
    await Promise.all([...web, ...workers].map((p) => p?.stop('SIGKILL')));
    await sql.end().catch(() => {});
    await stub.close();
    await s3.stop();
    await database.destroy();
    await rm(nginxDir, { recursive: true, force: true });
  }
}

function countErrors(statuses: Map<string, Map<number, number>>) {
  let errors = 0;
  for (const m of statuses.values()) for (const [status, c] of m) if (status === 0 || status >= 500) errors += c;
  return errors;
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
