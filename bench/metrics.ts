/**
 * bench/metrics: the metrics page's queries (lib/metrics/get-request-metrics.ts: six queries, run
 * together as the page runs them) for one year of receipts on 1,000,000 requests, per regime filter,
 * and the CCPA §7102 report for a calendar year. `npm run bench:metrics` (REQUESTS, RUNS to change).
 * Target: p95 < 500 ms for the page's queries for one year.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { applyMigrations } from '../lib/db/schema-engine';
import type { Db } from '../lib/db';
import { seedRequests } from './seed-requests';

const REQUESTS = Number(process.env.REQUESTS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 50);
const DAY = 86_400_000;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** The shared seed, plus what the metrics read that it leaves out. */
async function seed(client: Db) {
  await client.$executeRawUnsafe('TRUNCATE request_appeal');
  await seedRequests(client, REQUESTS);
  // The shared seed has no decisions: give closed requests what the metrics read (decision date,
  // partial and denial reason) and appeal a tenth of the Virginia and Colorado denials.
  await client.$executeRawUnsafe(`
    UPDATE privacy_request SET
      decided_at = CASE WHEN status IN ('completed', 'denied') THEN received_at + ((number % 60) * interval '1 day') END,
      closed_at = CASE WHEN status IN ('completed', 'denied') THEN received_at + ((number % 60) * interval '1 day') ELSE closed_at END,
      partial = (status = 'completed' AND number % 10 = 0),
      denial_reason = CASE WHEN status = 'denied' OR (status = 'completed' AND number % 10 = 0)
        THEN (ARRAY['cannot_verify','not_covered','exempt','other','manifestly_unfounded','duplicate'])[1 + number % 6]::"DenialReason" END`);
  await client.$executeRawUnsafe(`
    INSERT INTO request_appeal (id, request_id, status, received_at, due_at, decided_at)
    SELECT gen_random_uuid(), id, (ARRAY['pending','granted','rejected'])[1 + number % 3]::"AppealStatus",
      decided_at + interval '5 days', decided_at + interval '65 days', CASE WHEN number % 3 <> 0 THEN decided_at + interval '30 days' END
    FROM privacy_request WHERE status = 'denied' AND jurisdiction IN ('US-VA', 'US-CO') AND number % 10 = 0`);
  // The UPDATE above rewrote every row: rebuild the indexes it bloated, as a long-lived table's
  // indexes look after routine maintenance, rather than measure a doubled index.
  await client.$executeRawUnsafe('REINDEX TABLE privacy_request');
  await client.$executeRawUnsafe('VACUUM ANALYZE privacy_request');
  // The triggers kept request_outcome_rollup through both statements, rewriting its rows about two
  // million times: a plain VACUUM leaves a 110 MB table for 14 MB of rows. Compact it, as for the
  // requests' indexes above (steady-state autovacuum keeps such a table near its live size).
  await client.$executeRawUnsafe('VACUUM FULL request_outcome_rollup');
  await client.$executeRawUnsafe('ANALYZE request_outcome_rollup');
  await client.$executeRawUnsafe('ANALYZE request_appeal');
}

async function main() {
  // BENCH_PG_DIR keeps the seeded database between runs (seeding a million rows takes minutes).
  const keep = process.env.BENCH_PG_DIR;
  const dataDir = keep ?? (await mkdtemp(path.join(os.tmpdir(), 'bench-metrics-')));
  const pg = await startEmbeddedPostgres({
    dataDir,
    port: Number(process.env.BENCH_PG_PORT ?? 54387),
    persistent: Boolean(keep),
  });
  process.env.DATABASE_URL = pg.url;
  process.env.LOG_LEVEL = 'silent';
  try {
    await applyMigrations(pg.url);
    const { db, disconnectDb } = await import('../lib/db');
    const { getRequestMetrics } = await import('../lib/metrics/get-request-metrics');
    const { getCcpaReport } = await import('../lib/metrics/ccpa-report');
    const seedStarted = performance.now();
    const [{ existing }] = await db().$queryRawUnsafe<{ existing: number }[]>(
      'SELECT count(*)::int AS existing FROM privacy_request',
    );
    if (existing !== REQUESTS) await seed(db());
    else console.log(`reusing ${existing.toLocaleString('en')} seeded requests in ${dataDir}`);

    console.log(
      `seeded ${REQUESTS.toLocaleString('en')} requests in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );

    const staff = { id: 'bench-staff-1', email: 'staff1@bench.example.com', name: 'Staff 1', role: 'admin' as const };
    const now = new Date();
    const year = { from: new Date(now.getTime() - 365 * DAY), to: now };
    const [{ n }] = await db().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM privacy_request WHERE received_at >= $1`,
      year.from,
    );
    const [{ groups }] = await db().$queryRawUnsafe<{ groups: number }[]>(
      `SELECT count(*)::int AS groups FROM request_outcome_rollup WHERE day >= $1::date`,
      year.from.toISOString().slice(0, 10),
    );
    console.log(
      `the last 365 days: ${n.toLocaleString('en')} requests, ${groups.toLocaleString('en')} rows of request_outcome_rollup`,
    );
    const lastYear = now.getUTCFullYear() - 1;
    const cases = [
      {
        name: `metrics page, last 365 days, all regimes (${n.toLocaleString('en')} requests)`,
        run: () => getRequestMetrics({ staff, filter: { ...year, regime: null }, now }),
      },
      {
        name: 'metrics page, last 365 days, regime US-CA',
        run: () => getRequestMetrics({ staff, filter: { ...year, regime: 'US-CA' }, now }),
      },
      {
        name: 'metrics page, last 365 days, regime UK',
        run: () => getRequestMetrics({ staff, filter: { ...year, regime: 'UK' }, now }),
      },
      { name: `CCPA §7102 report, calendar year ${lastYear}`, run: () => getCcpaReport({ staff, year: lastYear }) },
    ];
    const rows: string[] = [];
    for (const c of cases) {
      for (let i = 0; i < 3; i++) await c.run(); // warm-up
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await c.run();
        times.push(performance.now() - t);
      }
      rows.push(
        `| ${c.name} | ${percentile(times, 50).toFixed(0)} | ${percentile(times, 95).toFixed(0)} | ${Math.max(...times).toFixed(0)} |`,
      );
    }
    console.log(
      `\n| case (${REQUESTS.toLocaleString('en')} requests, ${RUNS} runs) | p50 ms | p95 ms | max ms |\n|---|---|---|---|`,
    );
    console.log(rows.join('\n'));
    await disconnectDb();
  } finally {
    await pg.stop();
    if (!keep) await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : JSON.stringify(error));
  process.exit(1);
});
