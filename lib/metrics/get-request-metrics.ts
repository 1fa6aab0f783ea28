import { authorize, type StaffIdentity } from '../auth/current-staff';
import { db } from '../db';
import { AppError } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { REQUEST_TYPES, type Jurisdiction, type RequestType } from '../requests/codes';
import { DECIDED, EMPTY_OUTCOME, OUTCOME_COLUMNS, RESPONSE_DAYS, toOutcome, type Outcome, type OutcomeRow } from './outcome-sql';

export type MetricsFilter = { from: Date; to: Date; regime: Jurisdiction | null };

/** Days to a substantive response, in the buckets of the distribution chart (upper bound inclusive). */
export const RESPONSE_BUCKETS = [
  { label: '0–7 days', max: 7 },
  { label: '8–15 days', max: 15 },
  { label: '16–30 days', max: 30 },
  { label: '31–45 days', max: 45 },
  { label: '46–60 days', max: 60 },
  { label: '61–90 days', max: 90 },
  { label: 'over 90 days', max: null },
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
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY) throw new AppError('INVALID_INPUT', 'Choose a period of at most three years.');

  const inPeriod = Prisma.sql`r.received_at >= ${from} AND r.received_at < ${to} AND (${regime}::text IS NULL OR r.jurisdiction = ${regime}::text)`;
  // Every request contributes one row per type plus one 'all' row: one scan for both.
  const perType = Prisma.sql`CROSS JOIN LATERAL (SELECT t::text AS type FROM unnest(r.types) t UNION ALL SELECT 'all') x`;
  const bucketCase = Prisma.join(
    // Constants of this file, inlined so the CASE has an integer type.
    RESPONSE_BUCKETS.map((b, i) => (b.max === null ? Prisma.sql`ELSE ${Prisma.raw(String(i))}` : Prisma.sql`WHEN ${RESPONSE_DAYS} <= ${Prisma.raw(String(b.max))} THEN ${Prisma.raw(String(i))}`)),
    ' ',
  );

  const [outcomes, appeals, weekly, distribution, trend, open] = await Promise.all([
    db().$queryRaw<(OutcomeRow & { type: string })[]>`
      SELECT x.type, ${OUTCOME_COLUMNS} FROM privacy_request r ${perType} WHERE ${inPeriod} GROUP BY x.type`,
    db().$queryRaw<{ type: string; received: number; granted: number; rejected: number; pending: number; on_time: number }[]>`
      SELECT x.type, count(*)::int AS received,
        (count(*) FILTER (WHERE a.status = 'granted'))::int AS granted,
        (count(*) FILTER (WHERE a.status = 'rejected'))::int AS rejected,
        (count(*) FILTER (WHERE a.status = 'pending'))::int AS pending,
        (count(*) FILTER (WHERE a.decided_at IS NOT NULL AND a.decided_at <= a.due_at))::int AS on_time
      FROM request_appeal a JOIN privacy_request r ON r.id = a.request_id ${perType}
      WHERE a.received_at >= ${from} AND a.received_at < ${to} AND (${regime}::text IS NULL OR r.jurisdiction = ${regime}::text)
      GROUP BY x.type`,
    db().$queryRaw<{ week: Date; type: string; received: number }[]>`
      SELECT date_trunc('week', r.received_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS week, t::text AS type, count(*)::int AS received
      FROM privacy_request r CROSS JOIN LATERAL unnest(r.types) t WHERE ${inPeriod} GROUP BY 1, 2 ORDER BY 1, 2`,
    db().$queryRaw<{ bucket: number; decided: number }[]>`
      SELECT CASE ${bucketCase} END AS bucket, count(*)::int AS decided
      FROM privacy_request r WHERE ${inPeriod} AND ${DECIDED} GROUP BY 1 ORDER BY 1`,
    db().$queryRaw<{ month: Date; decided: number; on_time: number }[]>`
      SELECT date_trunc('month', r.received_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS month,
        count(*)::int AS decided, (count(*) FILTER (WHERE r.decided_at <= r.due_at))::int AS on_time
      FROM privacy_request r WHERE ${inPeriod} AND ${DECIDED} GROUP BY 1 ORDER BY 1`,
    db().$queryRaw<{ overdue: number; due7: number; due30: number; later: number }[]>`
      SELECT (count(*) FILTER (WHERE r.due_at < ${now}))::int AS overdue,
        (count(*) FILTER (WHERE r.due_at >= ${now} AND r.due_at < ${now}::timestamptz + interval '7 days'))::int AS due7,
        (count(*) FILTER (WHERE r.due_at >= ${now}::timestamptz + interval '7 days' AND r.due_at < ${now}::timestamptz + interval '30 days'))::int AS due30,
        (count(*) FILTER (WHERE r.due_at >= ${now}::timestamptz + interval '30 days'))::int AS later
      FROM privacy_request r
      WHERE r.closed_at IS NULL AND r.status <> 'unverified' AND (${regime}::text IS NULL OR r.jurisdiction = ${regime}::text)`,
  ]);

  const byType = new Map(outcomes.map((o) => [o.type, toOutcome(o)]));
  const appealsByType = new Map(appeals.map((a) => [a.type, a]));
  const noAppeals = { received: 0, granted: 0, rejected: 0, pending: 0, on_time: 0 };
  const row = (type: RequestType | 'all') => {
    const outcome: Outcome = byType.get(type) ?? EMPTY_OUTCOME;
    const a = appealsByType.get(type) ?? noAppeals;
    return {
      type,
      ...outcome,
      onTimeRate: outcome.decided ? outcome.onTime / outcome.decided : null,
      appeals: { received: a.received, granted: a.granted, rejected: a.rejected, pending: a.pending, onTime: a.on_time },
    };
  };
  const buckets = new Map(distribution.map((d) => [d.bucket, d.decided]));
  return {
    filter: options.filter,
    rows: REQUEST_TYPES.map(row),
    total: row('all'),
    weekly: weekly.map((w) => ({ week: w.week.toISOString().slice(0, 10), type: w.type as RequestType, received: w.received })),
    distribution: RESPONSE_BUCKETS.map((b, i) => ({ label: b.label, decided: buckets.get(i) ?? 0 })),
    trend: trend.map((t) => ({ month: t.month.toISOString().slice(0, 7), decided: t.decided, onTime: t.on_time, rate: t.decided ? t.on_time / t.decided : null })),
    open: DUE_WINDOWS.map((w) => ({ ...w, count: open[0][w.key] })),
  };
}
