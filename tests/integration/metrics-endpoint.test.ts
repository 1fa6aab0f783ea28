/**
 * GET /api/metrics on real PostgreSQL and the real queue: protected by METRICS_TOKEN, and its gauges
 * follow requests, emails, jobs and connector tasks as they change.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Logger, runOnce } from 'graphile-worker';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GET as getMetrics } from '../../app/api/metrics/route';
import { db } from '../../lib/db';
import { env } from '../../lib/env';
import { observeHttpRequest } from '../../lib/observability/observe-http-request';
import { observePackageBuild } from '../../lib/observability/observe-job';
import { loadRoutePatterns, routeOf } from '../../lib/observability/route-patterns';
import { runDueJobs } from '../support/jobs';
import { submitted } from '../support/requests';
import { resetDatabase } from '../support/reset-database';
import { scopedEnv } from '../support/scoped-env';

const TOKEN = 'metrics-token-for-tests-0123456789abcdef';
const settings = scopedEnv(['METRICS_TOKEN']);

beforeEach(async () => {
  await resetDatabase();
  settings.set({ METRICS_TOKEN: TOKEN });
});
afterEach(() => settings.restore());
afterAll(async () => {
  await db().dataSystem.deleteMany({ where: { key: 'metrics-test-billing' } });
});

const scrape = (authorization?: string) =>
  getMetrics(new Request('http://portal.test/api/metrics', { headers: authorization ? { authorization } : {} }));

/** The value of one series in the exposition, or undefined when it is absent. */
async function metrics() {
  const response = await scrape(`Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  const text = await response.text();
  return {
    text,
    value(series: string) {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    },
  };
}

describe('access', () => {
  it('answers 404 while METRICS_TOKEN is unset, as if the endpoint did not exist', async () => {
    settings.set({});
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
  });

  it('answers 401 without the bearer token or with another, and 200 in the Prometheus format with it', async () => {
    const none = await scrape();
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await scrape(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await scrape(`Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`)).status).toBe(401);
    expect(await (await scrape(`Bearer ${TOKEN.slice(0, -1)}`)).text()).not.toContain('portal_');
    const ok = await scrape(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(ok.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a token shorter than 32 characters at start', () => {
    settings.set({ METRICS_TOKEN: 'short' });
    expect(() => env()).toThrow(/METRICS_TOKEN: must be at least 32 characters/);
  });
});

describe('gauges read from PostgreSQL at scrape time', () => {
  it('open requests by status, overdue requests, pending emails and the queue move as requests do', async () => {
    let m = await metrics();
    expect(m.value('portal_metrics_database_up')).toBe(1);
    expect(m.value('portal_requests_open{status="unverified"}')).toBe(0);
    expect(m.value('portal_outbox_emails{status="pending"}')).toBe(0);
    expect(m.value('portal_queue_jobs{task="deliver-email",state="due"}')).toBe(0);

    const { input } = await submitted();
    // Received two months ago: a UK request's one-month deadline has passed.
    const { submitRequest } = await import('../../lib/requests/submit-request');
    await submitRequest({
      input: { ...input, email: `late.${Date.now()}@example.com` },
      channel: 'api',
      now: new Date(Date.now() - 62 * 24 * 3600_000),
    });

    m = await metrics();
    expect(m.value('portal_requests_open{status="unverified"}')).toBe(2);
    expect(m.value('portal_requests_overdue')).toBe(1);
    expect(m.value('portal_outbox_emails{status="pending"}')).toBe(2);
    expect(m.value('portal_queue_jobs{task="deliver-email",state="due"}')).toBe(2);
    expect(m.value('portal_outbox_oldest_pending_email_age_seconds')).toBeGreaterThanOrEqual(0);
    // No address, name or id of a request appears anywhere in the exposition.
    expect(m.text).not.toContain('@example.com');
    expect(m.text).not.toContain('Ada');

    await runDueJobs();
    m = await metrics();
    expect(m.value('portal_outbox_emails{status="pending"}')).toBe(0);
    expect(m.value('portal_queue_jobs{task="deliver-email",state="due"}')).toBe(0);
    expect(m.value('portal_job_runs_total{task="deliver-email",outcome="completed"}')).toBeGreaterThanOrEqual(2);
    expect(m.value('portal_job_duration_seconds_count{task="deliver-email"}')).toBeGreaterThanOrEqual(2);
  });

  it('counts failing jobs of any type, one added later included (DRP status callbacks)', async () => {
    await db()
      .$executeRaw`SELECT graphile_worker.add_job('drp-status-callback', '{"callbackId":"x"}'::json, max_attempts => 2)`;
    let m = await metrics();
    expect(m.value('portal_queue_jobs{task="drp-status-callback",state="due"}')).toBe(1);

    // A real worker runs the job and its handler fails: the job waits for a retry, then runs out of attempts.
    const failing = async () => {
      throw new Error('the receiver answered 502');
    };
    const runFailing = () =>
      runOnce({
        connectionString: env().DATABASE_URL!,
        taskList: { 'drp-status-callback': failing },
        logger: new Logger(() => () => {}),
        preset: { worker: { completeJobBatchDelay: -1, failJobBatchDelay: -1 } },
      });
    await runFailing();
    m = await metrics();
    expect(m.value('portal_queue_jobs{task="drp-status-callback",state="retrying"}')).toBe(1);
    expect(m.value('portal_queue_jobs{task="drp-status-callback",state="due"}')).toBeUndefined();

    await db().$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;
    await runFailing();
    m = await metrics();
    expect(m.value('portal_queue_jobs{task="drp-status-callback",state="failed"}')).toBe(1);
    expect(m.value('portal_queue_jobs{task="drp-status-callback",state="retrying"}')).toBeUndefined();
  });

  it("a due job's age grows while nobody runs it", async () => {
    await db()
      .$executeRaw`SELECT graphile_worker.add_job('purge-expired-records', '{}'::json, run_at => now() - interval '90 seconds')`;
    const m = await metrics();
    expect(m.value('portal_queue_oldest_due_job_age_seconds{task="purge-expired-records"}')).toBeGreaterThanOrEqual(89);
    expect(m.value('portal_queue_oldest_due_job_age_seconds{task="deliver-email"}')).toBe(0);
  });

  it('connector task failures per system', async () => {
    const { created } = await submitted();
    const system = await db().dataSystem.upsert({
      where: { key: 'metrics-test-billing' },
      create: { key: 'metrics-test-billing', name: 'Billing', kind: 'postgres', taskTypes: ['collect'], checklist: [] },
      update: {},
    });
    await db().fulfilmentTask.create({
      data: {
        requestId: created.id,
        systemId: system.id,
        type: 'collect',
        automated: true,
        status: 'failed',
        lastError: 'relation "x" does not exist',
      },
    });
    let m = await metrics();
    expect(m.value('portal_connector_tasks_failed{system="metrics-test-billing"}')).toBe(1);
    await db().fulfilmentTask.updateMany({ where: { systemId: system.id }, data: { status: 'open' } });
    m = await metrics();
    expect(m.value('portal_connector_tasks_failed{system="metrics-test-billing"}')).toBeUndefined();
  });

  it('when the database does not answer, the process metrics still come, and the failed read is counted', async () => {
    const before = (await metrics()).value('portal_metrics_scrape_errors_total') ?? 0;
    const { disconnectDb } = await import('../../lib/db');
    await disconnectDb();
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'postgresql://nobody@127.0.0.1:1/none';
    settings.set({ METRICS_TOKEN: TOKEN });
    try {
      const m = await metrics();
      expect(m.value('portal_metrics_scrape_errors_total')).toBe(before + 1);
      expect(m.value('portal_metrics_database_up')).toBe(0);
      expect(m.value('portal_requests_overdue')).toBeNaN();
      expect(m.value('portal_requests_open{status="unverified"}')).toBeUndefined();
      expect(m.value('portal_queue_jobs{task="deliver-email",state="due"}')).toBeUndefined();
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = saved;
      settings.set({ METRICS_TOKEN: TOKEN });
    }
  });
});

describe('process metrics', () => {
  it('HTTP latency is labelled by route pattern: no id, token or query reaches a label', async () => {
    const patterns = loadRoutePatterns(path.resolve('app'));
    expect(routeOf(patterns, '/status/0b7c6c1e-1c6b-4a4e-9d67-5d3f3b1a2c9d')).toBe('/status/[id]');
    expect(routeOf(patterns, '/status/0b7c6c1e-1c6b-4a4e-9d67-5d3f3b1a2c9d/reply')).toBe('/status/[id]/reply');
    expect(routeOf(patterns, '/status/account-sign-in/callback')).toBe('/status/account-sign-in/callback');
    expect(routeOf(patterns, '/download/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG/file')).toBe(
      '/download/[token]/file',
    );
    expect(routeOf(patterns, '/api/auth/callback/email')).toBe('/api/auth/[...nextauth]');
    expect(routeOf(patterns, '/')).toBe('/');
    expect(routeOf(patterns, '/no/such/page')).toBe('unmatched');

    // A real HTTP server, timed the way scripts/app-server.ts times every request.
    const server = createServer((request, response) => {
      observeHttpRequest(request, response, patterns);
      setTimeout(() => response.writeHead(request.url?.startsWith('/verify') ? 303 : 200).end('ok'), 20);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await fetch(`${base}/verify?token=secretsecretsecretsecretsecretsecret00000&email=ada@example.com`, {
        redirect: 'manual',
      });
      await fetch(`${base}/status/0b7c6c1e-1c6b-4a4e-9d67-5d3f3b1a2c9d?token=abc`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const m = await metrics();
    expect(m.value('portal_http_request_duration_seconds_count{method="GET",route="/verify",status="303"}')).toBe(1);
    expect(m.value('portal_http_request_duration_seconds_count{method="GET",route="/status/[id]",status="200"}')).toBe(
      1,
    );
    expect(
      m.value('portal_http_request_duration_seconds_sum{method="GET",route="/status/[id]",status="200"}'),
    ).toBeGreaterThan(0.015);
    expect(m.text).not.toMatch(/secretsecret|ada@example|0b7c6c1e|token=/);
  });

  it('package build durations, by outcome', async () => {
    await observePackageBuild(async () => {});
    await expect(
      observePackageBuild(async () => {
        throw new Error('storage refused');
      }),
    ).rejects.toThrow('storage refused');
    const m = await metrics();
    expect(m.value('portal_package_build_duration_seconds_count{outcome="built"}')).toBe(1);
    expect(m.value('portal_package_build_duration_seconds_count{outcome="failed"}')).toBe(1);
  });
});
