import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { AppError } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { REQUEST_TYPES, type Jurisdiction, type RequestType } from '../universal/codes';
import {
  EMPTY_OUTCOME,
  METRICS_WORK_MEM,
  OUTCOMES_BY_KEY,
  toOutcome,
  type Outcome,
  type OutcomeRow,
} from './outcome-sql';
import { periodGroups } from './period-groups';

export type MetricsFilter = { from: Date; to: Date; regime: Jurisdiction | null };

/** Labels of the response-time buckets (outcome-sql.ts RESPONSE_BUCKET_MAX_DAYS, whole days). */
export const RESPONSE_BUCKET_LABELS = [
  '0–7 days',
  '8–15 days',
  '16–30 days',
  '31–45 days',
  '46–60 days',
  '61–90 days',
  'over 90 days',
] as const;

export const DUE_WINDOWS = [
  { key: 'overdue', label: 'Overdue' },
  { key: 'due7', label: 'Due within 7 days' },
  { key: 'due30', label: 'Due in 8 to 30 days' },
  { key: 'later', label: 'Due in more than 30 days' },
] as const;

export type RequestMetrics = Awaited<ReturnType<typeof getRequestMetrics>>;

const MAX_DAYS = 3 * 366;
const DAY = 86_400_000;

/**
 * Everything the metrics page shows, computed in SQL over requests received in [from, to) in the
 * regime (null: all). Purged requests keep their outcome columns, so past periods stay correct. A
 * request with several types counts once per type and once in the "all" row.
 */
export async function getRequestMetrics(options: { staff: StaffIdentity | null; filter: MetricsFilter; now?: Date }) {
  authorize(options.staff, 'metrics.read');
  const { from, to, regime } = options.filter;
  const now = options.now ?? new Date();
  if (!(from < to)) throw new AppError('INVALID_INPUT', 'The start of the period must be before its end.');
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY)
    throw new AppError('INVALID_INPUT', 'Choose a period of at most three years.');

  // Every type a request asked for, plus 'all' (each request once).
  const perType = Prisma.sql`CROSS JOIN LATERAL (SELECT t::text AS type FROM unnest(g.types) t UNION ALL SELECT 'all') x`;

  // The period's groups (periodGroups: the daily rollup for whole days of closed requests, the
  // requests themselves for the rest) feed the outcomes, the weekly volume and the monthly on-time
  // trend; appeals and the open queue are small reads beside it.
  // One pass over the period's groups, three groupings: outcomes (no date), week and types (volume), month (trend).
  const week = Prisma.sql`date_trunc('week', g.day)`;
  const month = Prisma.sql`to_char(g.day, 'YYYY-MM')`;
  const periodSummary = Prisma.sql`
    SELECT GROUPING(${week}) = 0 AS by_week, GROUPING(${month}) = 0 AS by_month, ${week} AS week, ${month} AS month,
      g.types, g.status, g.partial, g.denial_reason, g.open, g.days, g.on_time, sum(g.n)::int AS n,
      coalesce(sum(g.n) FILTER (WHERE g.days IS NOT NULL), 0)::int AS decided, coalesce(sum(g.n) FILTER (WHERE g.on_time), 0)::int AS decided_on_time
    FROM (${periodGroups(options.filter)}) g
    GROUP BY GROUPING SETS ((g.types, g.status, g.partial, g.denial_reason, g.open, g.days, g.on_time), (${week}, g.types), (${month}))`;
  const [[summary], appeals, open] = await Promise.all([
    db()
      .$transaction([
        db().$queryRaw`${METRICS_WORK_MEM}`,
        db().$queryRaw<
          {
            outcomes: OutcomeRow[] | null;
            weekly: { week: string; type: string; received: number }[] | null;
            trend: { month: string; decided: number; on_time: number }[] | null;
          }[]
        >`
          WITH s AS MATERIALIZED (${periodSummary}),
          t AS (SELECT types, status, partial, denial_reason, open, days, on_time, n FROM s WHERE NOT by_week AND NOT by_month),
          k AS (
            SELECT x.type AS key, t.status, t.partial, t.denial_reason, t.open, t.days, t.on_time, t.n
            FROM t CROSS JOIN LATERAL (SELECT u::text AS type FROM unnest(t.types) u UNION ALL SELECT 'all') x
          )
          ${OUTCOMES_BY_KEY}
          SELECT
            (SELECT json_agg(o) FROM outcomes o) AS outcomes,
            (SELECT json_agg(w ORDER BY w.week, w.type) FROM (
              SELECT to_char(s.week, 'YYYY-MM-DD') AS week, u::text AS type, sum(s.n)::int AS received
              FROM s CROSS JOIN LATERAL unnest(s.types) u WHERE s.by_week GROUP BY 1, 2
            ) w) AS weekly,
            (SELECT json_agg(m ORDER BY m.month) FROM (
              SELECT s.month, s.decided, s.decided_on_time AS on_time FROM s WHERE s.by_month AND s.decided > 0
            ) m) AS trend`,
      ])
      .then(([, rows]) => rows),
    db().$queryRaw<
      { type: string; received: number; granted: number; rejected: number; pending: number; on_time: number }[]
    >`
      SELECT x.type, count(*)::int AS received,
        (count(*) FILTER (WHERE a.status = 'granted'))::int AS granted,
        (count(*) FILTER (WHERE a.status = 'rejected'))::int AS rejected,
        (count(*) FILTER (WHERE a.status = 'pending'))::int AS pending,
        (count(*) FILTER (WHERE a.decided_at IS NOT NULL AND a.decided_at <= a.due_at))::int AS on_time
      FROM request_appeal a JOIN privacy_request g ON g.id = a.request_id ${perType}
      WHERE a.received_at >= ${from} AND a.received_at < ${to} AND (${regime}::text IS NULL OR g.jurisdiction = ${regime}::text)
      GROUP BY x.type`,
    db().$queryRaw<{ overdue: number; due7: number; due30: number; later: number }[]>`
      SELECT (count(*) FILTER (WHERE r.due_at < ${now}))::int AS overdue,
        (count(*) FILTER (WHERE r.due_at >= ${now} AND r.due_at < ${now}::timestamptz + interval '7 days'))::int AS due7,
        (count(*) FILTER (WHERE r.due_at >= ${now}::timestamptz + interval '7 days' AND r.due_at < ${now}::timestamptz + interval '30 days'))::int AS due30,
        (count(*) FILTER (WHERE r.due_at >= ${now}::timestamptz + interval '30 days'))::int AS later
      FROM privacy_request r
      WHERE r.closed_at IS NULL AND r.status <> 'unverified' AND (${regime}::text IS NULL OR r.jurisdiction = ${regime}::text)`,
  ]);

  const byType = new Map((summary.outcomes ?? []).map((o) => [o.key, toOutcome(o)]));
  const appealsByType = new Map(appeals.map((a) => [a.type, a]));
  const noAppeals = { received: 0, granted: 0, rejected: 0, pending: 0, on_time: 0 };
  const row = (type: RequestType | 'all') => {
    const outcome: Outcome = byType.get(type) ?? EMPTY_OUTCOME;
    const a = appealsByType.get(type) ?? noAppeals;
    return {
      type,
      ...outcome,
      onTimeRate: outcome.decided ? outcome.onTime / outcome.decided : null,
      appeals: {
        received: a.received,
        granted: a.granted,
        rejected: a.rejected,
        pending: a.pending,
        onTime: a.on_time,
      },
    };
  };
  const total = row('all');
  return {
    filter: options.filter,
    rows: REQUEST_TYPES.map(row),
    total,
    weekly: (summary.weekly ?? []).map((w) => ({ week: w.week, type: w.type as RequestType, received: w.received })),
    distribution: RESPONSE_BUCKET_LABELS.map((label, i) => ({ label, decided: total.buckets[i] })),
    trend: (summary.trend ?? []).map((t) => ({
      month: t.month,
      decided: t.decided,
      onTime: t.on_time,
      rate: t.decided ? t.on_time / t.decided : null,
    })),
    open: DUE_WINDOWS.map((w) => ({ ...w, count: open[0][w.key] })),
  };
}
