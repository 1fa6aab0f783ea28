/**
 * The plans of the queries staff wait on, on a realistic spread of 100,000 requests (the benchmarks'
 * seeding, bench/seed-requests.ts): each queue view a reviewer uses daily, as the app itself sends it
 * (captured from Prisma's query log and explained with its own parameters), must read the index it
 * was designed for in due order — never scan the table, never sort the open requests — and the
 * metrics page must read its rollup. A migration that drops or bypasses one of those indexes fails
 * here, however fast the machine is.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRequests } from '../../bench/seed-requests';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/generated/prisma/client';
import { listPackageContents } from '../../lib/fulfilment/package/build-data-package';
import { getRequestMetrics } from '../../lib/metrics/get-request-metrics';
import { scrapeMetrics } from '../../lib/observability/scrape-metrics';
import { listRequests } from '../../lib/requests/staff/list-requests';
import { formatReference } from '../../lib/universal/reference';

const REQUESTS = Number(process.env.PLAN_REQUESTS ?? 100_000);
/** The most rows a queue plan may sort: 1% of the table (the regression sorted a quarter of the open requests). */
const SORT_LIMIT = REQUESTS / 100;
const url = process.env.DATABASE_URL!;
const captured: { query: string; params: string }[] = [];
const client = new PrismaClient({
  adapter: new PrismaPg({ connectionString: url }),
  log: [{ emit: 'event', level: 'query' }],
});
client.$on('query', (e) => captured.push({ query: e.query, params: e.params }));
// lib/db.ts uses this client: the app's own functions run through it, so their SQL is captured.
(globalThis as { prisma?: unknown }).prisma = client;
const sql = new pg.Client({ connectionString: url });

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Plan Rows': number;
  'Index Cond'?: string;
  Filter?: string;
  Plans?: PlanNode[];
};
const flatten = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(flatten)];
/** The tables that grow with the requests; staff_user, a few dozen rows, may be read whole. */
const SCANNED_LARGE_TABLE = /Seq Scan on (privacy_request|request_tag)\b/;
/** A page's tags: by request_tag's primary key, for the page's rows only. */
const TAGS_BY_REQUEST = 'request_tag_pkey';

/** Runs `run`, and explains every statement it sent that reads `table`. */
async function plansOf(run: () => Promise<unknown>, table: string) {
  captured.length = 0;
  await run();
  const reads = new RegExp(`\\b"?${table}"?\\s`);
  const statements = captured.filter((c) => /^\s*(SELECT|WITH)\b/i.test(c.query) && reads.test(c.query));
  expect(statements.length, `no SELECT on ${table} was captured`).toBeGreaterThan(0);
  const plans: PlanNode[][] = [];
  for (const s of statements) {
    const values = JSON.parse(s.params) as unknown[];
    const { rows } = await sql.query(`EXPLAIN (FORMAT JSON) ${s.query}`, values);
    plans.push(flatten(rows[0]['QUERY PLAN'][0].Plan));
  }
  return plans;
}

const summarize = (plan: PlanNode[]) =>
  plan
    .map(
      (n) =>
        `${n['Node Type']}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}`,
    )
    .join(' > ');

const staff = { id: 'bench-staff-2', email: 'staff2@bench.example.com', name: 'Staff 2', role: 'admin' as const };

beforeAll(async () => {
  await sql.connect();
  await seedRequests(client, REQUESTS);
  // Two collecting systems with a done task for every request: a package's contents are one
  // request's rows among 200,000.
  await sql.query(`INSERT INTO data_system (id, key, name, kind, task_types, checklist, updated_at)
    VALUES (gen_random_uuid(), 'plan-accounts', 'Accounts', 'manual', '{collect}', '{}', now()),
           (gen_random_uuid(), 'plan-usage', 'Usage', 'manual', '{collect}', '{}', now())`);
  await sql.query(`INSERT INTO fulfilment_task (id, request_id, system_id, type, status)
    SELECT gen_random_uuid(), r.id, s.id, 'collect', 'done' FROM privacy_request r
    CROSS JOIN data_system s WHERE s.key LIKE 'plan-%'`);
  // Staff tags on a fifth of the requests, one or two each: the queue reads a page's tags in its statement.
  await sql.query(`INSERT INTO request_tag (request_id, tag)
    SELECT id, t FROM privacy_request CROSS JOIN unnest(ARRAY['legal-hold', 'vip']) t
    WHERE number % 5 = 0 AND (t = 'vip' OR number % 2 = 0)`);
  await sql.query('ANALYZE');
}, 600_000);

afterAll(async () => {
  await sql.end();
  await client.$disconnect();
});

describe(`the staff queue at ${REQUESTS.toLocaleString('en')} requests reads open requests in due order`, () => {
  const OPEN_DUE = 'privacy_request_open_due_idx';
  const BY_REGIME = 'privacy_request_open_jurisdiction_due_idx';
  const BY_ASSIGNEE = 'privacy_request_open_assignee_due_idx';
  const cases: { name: string; filter: () => Promise<Record<string, unknown>>; indexes: string[] }[] = [
    { name: 'first page, default view', filter: async () => ({}), indexes: [OPEN_DUE] },
    {
      name: 'a page deep in the default view (keyset cursor)',
      filter: async () => {
        const { rows } = await sql.query(
          `SELECT due_at, id FROM privacy_request WHERE closed_at IS NULL AND status <> 'unverified' ORDER BY due_at, id OFFSET 1000 LIMIT 1`,
        );
        return { after: `${rows[0].due_at.getTime()}_${rows[0].id}` };
      },
      indexes: [OPEN_DUE],
    },
    { name: 'regime = US-CA', filter: async () => ({ jurisdiction: 'US-CA' }), indexes: [BY_REGIME] },
    { name: 'regime = UK (a small one)', filter: async () => ({ jurisdiction: 'UK' }), indexes: [BY_REGIME] },
    { name: 'type = deletion', filter: async () => ({ type: 'deletion' }), indexes: [OPEN_DUE] },
    {
      name: 'status = awaiting the requester',
      filter: async () => ({ status: ['awaiting_requester'] }),
      indexes: [OPEN_DUE],
    },
    { name: 'assigned to me', filter: async () => ({ assignee: 'me' }), indexes: [BY_ASSIGNEE] },
    { name: 'unassigned', filter: async () => ({ assignee: 'none' }), indexes: [OPEN_DUE, BY_ASSIGNEE] },
    { name: 'due: overdue', filter: async () => ({ due: 'overdue' }), indexes: [OPEN_DUE] },
    { name: 'due within 7 days', filter: async () => ({ due: '7d' }), indexes: [OPEN_DUE] },
    {
      name: 'regime + type',
      filter: async () => ({ jurisdiction: 'US-CA', type: 'access' }),
      indexes: [BY_REGIME],
    },
    {
      name: 'regime + assigned to me',
      filter: async () => ({ jurisdiction: 'EU', assignee: 'me' }),
      indexes: [BY_REGIME, BY_ASSIGNEE],
    },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.indexes.join(' or ')}, no table scan, no sort of more than 1% of rows`, async () => {
      const filter = await c.filter();
      const [plan] = await plansOf(() => listRequests({ staff, filter }), 'privacy_request');
      const summary = plan.map(
        (n) =>
          `${n['Node Type']}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}${n['Index Name'] ? ` ${n['Index Name']}` : ''} (${n['Plan Rows']}) ${n['Index Cond'] ?? ''} ${n.Filter ?? ''}`,
      );
      // A sort of the few rows a narrow view finds (one person's EU requests, the week's due) is
      // cheap; a sort of a regime's open requests is the regression this guards against.
      const sorted = plan.filter((n) => /Sort/.test(n['Node Type'])).map((n) => n.Plans?.[0]?.['Plan Rows'] ?? 0);
      expect(
        sorted.filter((rows) => rows > SORT_LIMIT),
        summary.join(' > '),
      ).toEqual([]);
      expect(
        summary.filter((n) => SCANNED_LARGE_TABLE.test(n)),
        summary.join(' > '),
      ).toEqual([]);
      expect(
        plan.some((n) => c.indexes.includes(n['Index Name'] ?? '')),
        summary.join(' > '),
      ).toBe(true);
      expect(
        plan.some((n) => n['Index Name'] === TAGS_BY_REQUEST),
        summary.join(' > '),
      ).toBe(true);
    });
  }

  it('search by reference: one row through the unique number', async () => {
    const { rows } = await sql.query('SELECT number, received_at FROM privacy_request ORDER BY number DESC LIMIT 1');
    const q = formatReference(rows[0].number, rows[0].received_at);
    const [plan] = await plansOf(() => listRequests({ staff, filter: { q } }), 'privacy_request');
    const summary = summarize(plan);
    expect(
      plan.some((n) => n['Index Name'] === 'privacy_request_number_key'),
      summary,
    ).toBe(true);
    expect(summary).not.toMatch(SCANNED_LARGE_TABLE);
    expect(summary).toContain(TAGS_BY_REQUEST);
  });

  it('search by email: through the email hash', async () => {
    const [plan] = await plansOf(
      () => listRequests({ staff, filter: { q: 'person42@example.com' } }),
      'privacy_request',
    );
    const summary = summarize(plan);
    // The (email_hash, unverified_slot) unique index leads with the hash: one person's few requests.
    expect(
      plan.some((n) => n['Index Name'] === 'privacy_request_unverified_slot_key'),
      summary,
    ).toBe(true);
    expect(summary).not.toMatch(SCANNED_LARGE_TABLE);
    expect(summary).toContain(TAGS_BY_REQUEST);
  });
});

describe(`what staff read beside the queue, at ${REQUESTS.toLocaleString('en')} requests`, () => {
  for (const [name, days, regime] of [
    ['the metrics page, last 12 months, every regime', 365, null],
    ['the metrics page, last 30 days, US-CA', 30, 'US-CA'],
  ] as const) {
    it(`${name}: the rollup for whole days, indexes for the rest, no scan of the requests`, async () => {
      const now = new Date();
      const filter = { from: new Date(now.getTime() - days * 86_400_000), to: now, regime };
      const plans = await plansOf(() => getRequestMetrics({ staff, filter, now }), 'privacy_request');
      const all = plans.flat();
      const summary = plans.map(summarize).join('\n');
      // Every read of the requests goes through an index (the metrics indexes, the open-queue ones,
      // the primary key for appeals); none reads the whole table.
      expect(
        all.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'privacy_request'),
        summary,
      ).toEqual([]);
      // Closed requests on whole days come from the rollup, a few rows a day.
      expect(
        all.some((n) => n['Relation Name'] === 'request_outcome_rollup'),
        summary,
      ).toBe(true);
      expect(
        all.some((n) =>
          ['privacy_request_metrics_idx', 'privacy_request_open_metrics_idx'].includes(n['Index Name'] ?? ''),
        ),
        summary,
      ).toBe(true);
    });
  }

  it("a data package's contents: one request's tasks through an index led by request_id", async () => {
    const { rows } = await sql.query(`SELECT request_id FROM fulfilment_task ORDER BY request_id LIMIT 1 OFFSET 5000`);
    const [plan] = await plansOf(() => listPackageContents(rows[0].request_id), 'fulfilment_task');
    const summary = summarize(plan);
    // Both unique keys of a task lead with request_id; the planner may take either.
    const byRequest = [
      'fulfilment_task_request_id_system_id_type_key',
      'fulfilment_task_request_id_recipient_id_type_key',
    ];
    expect(
      plan.some((n) => byRequest.includes(n['Index Name'] ?? '')),
      summary,
    ).toBe(true);
    expect(summary).not.toMatch(/Seq Scan on fulfilment_task/);
  });

  it('a Prometheus scrape: open and overdue requests and failed tasks through their indexes, no table scan', async () => {
    for (const table of ['privacy_request', 'fulfilment_task']) {
      const plans = await plansOf(() => scrapeMetrics(), table);
      const summary = plans.map(summarize).join('\n');
      expect(summary).not.toMatch(new RegExp(`Seq Scan on ${table}`));
    }
  });
});
