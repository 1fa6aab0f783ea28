/**
 * bench/admin-queue: the staff queue's data query on 1,000,000 requests. For each case, 200 runs of
 * the app's own query (listRequests, through Prisma) for p50/p95, next to the raw SQL of the same
 * query timed by EXPLAIN ANALYZE in the same run. `npm run bench:admin-queue` (REQUESTS to change N).
 */
import { withBenchDatabase } from './bench-database';
import { seedRequests } from './seed-requests';

const REQUESTS = Number(process.env.REQUESTS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 200);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function main() {
  await withBenchDatabase('admin', async (url) => {
    const { db, disconnectDb } = await import('../lib/db');
    const { listRequests } = await import('../lib/requests/staff/list-requests');
    const { hashEmail } = await import('../lib/security/tokens');
    const { formatReference } = await import('../lib/universal/reference');
    const seedStarted = performance.now();
    await seedRequests(db(), REQUESTS);
    console.log(
      `seeded ${REQUESTS.toLocaleString('en')} requests in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );
    // A live table of a million rows has been vacuumed; a freshly seeded one has not, and autovacuum
    // would otherwise start on it in the middle of the first cases and time itself, not the queue.
    const vacuumStarted = performance.now();
    await db().$executeRawUnsafe('VACUUM (ANALYZE) privacy_request');
    console.log(`vacuumed in ${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s`);
    const staff = { id: 'bench-staff-1', email: 'staff1@bench.example.com', name: 'Staff 1', role: 'admin' as const };
    const now = new Date();

    // A cursor about 20 pages deep in the default view.
    const deep = await db().$queryRawUnsafe<{ due_at: Date; id: string }[]>(`
      SELECT due_at, id FROM privacy_request WHERE closed_at IS NULL AND status IN ('verified','in_progress','awaiting_requester')
      ORDER BY due_at, id OFFSET 1000 LIMIT 1`);
    const after = `${deep[0].due_at.getTime()}_${deep[0].id}`;
    const [reference] = await db().$queryRawUnsafe<{ number: number; received_at: Date }[]>(
      `SELECT number, received_at FROM privacy_request WHERE closed_at IS NULL AND status <> 'unverified' ORDER BY number DESC LIMIT 1`,
    );
    // The same SQL the app sends (lib/requests/staff/list-requests.ts), with literal values.
    const open = `r.closed_at IS NULL AND r.status <> 'unverified'`;
    const nowSql = `'${now.toISOString()}'::timestamptz`;
    const cases = [
      { name: 'first page, default sort', filter: {}, sql: `${open}` },
      {
        name: 'deep page (row 1,000), default sort',
        filter: { after },
        sql: `${open} AND r.due_at >= '${deep[0].due_at.toISOString()}' AND (r.due_at > '${deep[0].due_at.toISOString()}' OR r.id > '${deep[0].id}')`,
      },
      {
        name: 'filter: type = deletion',
        filter: { type: 'deletion' as const },
        sql: `${open} AND r.types @> ARRAY['deletion']::"RequestType"[]`,
      },
      {
        name: 'filter: regime = US-CA',
        filter: { jurisdiction: 'US-CA' as const },
        sql: `${open} AND r.jurisdiction = 'US-CA'`,
      },
      { name: 'filter: overdue', filter: { due: 'overdue' as const }, sql: `${open} AND r.due_at < ${nowSql}` },
      {
        name: 'filter: due within 7 days',
        filter: { due: '7d' as const },
        sql: `${open} AND r.due_at >= ${nowSql} AND r.due_at < ${nowSql} + interval '7 days'`,
      },
      {
        name: 'filter: status = awaiting requester',
        filter: { status: ['awaiting_requester' as const] },
        sql: `r.closed_at IS NULL AND r.status NOT IN ('unverified', 'verified', 'in_progress')`,
      },
      { name: 'filter: assigned to me', filter: { assignee: 'me' }, sql: `${open} AND r.assignee_id = '${staff.id}'` },
      { name: 'filter: unassigned', filter: { assignee: 'none' }, sql: `${open} AND r.assignee_id IS NULL` },
      {
        name: 'filter: regime = US-CA + type = access',
        filter: { jurisdiction: 'US-CA' as const, type: 'access' as const },
        sql: `${open} AND r.types @> ARRAY['access']::"RequestType"[] AND r.jurisdiction = 'US-CA'`,
      },
      {
        name: 'filter: regime = EU + assigned to me',
        filter: { jurisdiction: 'EU' as const, assignee: 'me' },
        sql: `${open} AND r.jurisdiction = 'EU' AND r.assignee_id = '${staff.id}'`,
      },
      {
        name: 'search: by reference',
        filter: { q: formatReference(reference.number, reference.received_at) },
        sql: `${open} AND r.number = ${reference.number}`,
      },
      {
        name: 'search: by email',
        filter: { q: 'person42@example.com' },
        sql: `${open} AND r.email_hash = '${hashEmail('person42@example.com')}'`,
      },
    ];
    const rows: string[] = [];
    for (const c of cases) {
      for (let i = 0; i < 10; i++) await listRequests({ staff, filter: c.filter, now }); // warm-up
      const app: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await listRequests({ staff, filter: c.filter, now });
        app.push(performance.now() - t);
      }
      const raw: number[] = [];
      const query = `SELECT r.id, r.number, r.status, r.types, r.jurisdiction, r.received_at, r.due_at, r.email, r.name, a.id, a.name, a.email
        FROM privacy_request r LEFT JOIN staff_user a ON a.id = r.assignee_id WHERE ${c.sql} ORDER BY r.due_at, r.id LIMIT 51`;
      for (let i = 0; i < RUNS; i++) {
        const plan = await db().$queryRawUnsafe<
          { 'QUERY PLAN': { 'Execution Time': number; 'Planning Time': number }[] }[]
        >(`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`);
        raw.push(plan[0]['QUERY PLAN'][0]['Execution Time'] + plan[0]['QUERY PLAN'][0]['Planning Time']);
      }
      const [a50, a95, r50, r95] = [percentile(app, 50), percentile(app, 95), percentile(raw, 50), percentile(raw, 95)];
      rows.push(
        `| ${c.name} | ${a50.toFixed(1)} | ${a95.toFixed(1)} | ${r50.toFixed(2)} | ${r95.toFixed(2)} | ${(a95 / Math.max(r95, 0.01)).toFixed(1)}x |`,
      );
    }
    console.log(
      `\n| case (${REQUESTS.toLocaleString('en')} requests, ${RUNS} runs) | app p50 ms | app p95 ms | raw SQL p50 ms | raw SQL p95 ms | app/raw p95 |\n|---|---|---|---|---|---|`,
    );
    console.log(rows.join('\n'));
    await disconnectDb();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
