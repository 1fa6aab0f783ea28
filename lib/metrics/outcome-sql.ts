/**
 * The SQL that counts requests' outcomes, shared by the metrics page and the CCPA §7102 report so
 * that both count the same way. It reads only columns that the retention purge keeps (status,
 * partial, denial_reason, dates), so purged (anonymised) rows count as before.
 *
 * - complied in whole: completed, not partial
 * - complied in part: completed with partial = true (a partial denial)
 * - denied: status denied, broken out by reason as §7102(a) allows:
 *   cannot_verify and agent_not_authorized (an agent without the person's authority, CCPA regs
 *   §7063(a), a failure to verify the request) -> could not verify; not_covered -> not a covered person; exempt -> exempt;
 *   anything else (manifestly unfounded, duplicate, other) -> other
 * - substantive response: decided_at of a completed or denied request. Days to it are whole days
 *   elapsed since receipt (a decision 30 days and 5 hours after receipt took 30 days); the median is
 *   PostgreSQL's percentile_cont(0.5) over those days.
 *
 * Two stages, for speed on a million rows: first one scan groups requests that count alike
 * (`requestGroups`: a few thousand rows whatever the volume, no per-type expansion), then the
 * outcome columns, the median (from cumulative counts) and the response-time buckets are computed per
 * key (a request type, or a §7102 category) over those groups (`OUTCOMES_BY_KEY`).
 */
import { Prisma } from '../generated/prisma/client';

const DECIDED = Prisma.sql`(r.status IN ('completed', 'denied') AND r.decided_at IS NOT NULL)`;

/** Upper bounds (inclusive, whole days) of the response-time buckets; the last bucket is open. */
export const RESPONSE_BUCKET_MAX_DAYS = [7, 15, 30, 45, 60, 90] as const;

/**
 * Stage 1 over `privacy_request r`: the groups of requests that count alike, with their number `n`.
 * `extraKeys` adds grouping columns (the metrics page adds week and month of receipt).
 */
export function requestGroups(where: Prisma.Sql, extraKeys: Prisma.Sql[] = []) {
  const extra = extraKeys.length ? Prisma.sql`${Prisma.join(extraKeys, ', ')}, ` : Prisma.empty;
  const positions = Prisma.raw(Array.from({ length: 7 + extraKeys.length }, (_, i) => i + 1).join(', '));
  // Enums stay enums and days come from date_part (float8), not EXTRACT (numeric): on half a million
  // rows the per-row cost of casts and numeric division is most of the query's time.
  return Prisma.sql`
    SELECT ${extra}r.types, r.status, r.partial, r.denial_reason, (r.closed_at IS NULL) AS open,
      CASE WHEN ${DECIDED} THEN floor(date_part('epoch', r.decided_at - r.received_at) / 86400)::int END AS days,
      CASE WHEN ${DECIDED} THEN r.decided_at <= r.due_at END AS on_time,
      count(*)::int AS n
    FROM privacy_request r WHERE ${where}
    GROUP BY ${positions}`;
}

const bucketColumns = Prisma.join(
  [...RESPONSE_BUCKET_MAX_DAYS, null].map((max, i) => {
    const min = i === 0 ? -1 : RESPONSE_BUCKET_MAX_DAYS[i - 1];
    const upper = max === null ? Prisma.empty : Prisma.sql` AND days <= ${Prisma.raw(String(max))}`;
    return Prisma.sql`coalesce(sum(n) FILTER (WHERE days > ${Prisma.raw(String(min))}${upper}), 0)::int AS ${Prisma.raw(`bucket_${i}`)}`;
  }),
  ', ',
);

/**
 * Stage 2: from a CTE `k(key, status, partial, denial_reason, open, days, on_time, n)` defined before
 * it, the CTE `outcomes`: one row of outcome columns per key. Append after `WITH g AS (...), k AS (...)`.
 */
export const OUTCOMES_BY_KEY = Prisma.sql`,
  agg AS (
    SELECT key,
      sum(n)::int AS received,
      coalesce(sum(n) FILTER (WHERE status = 'completed' AND NOT partial), 0)::int AS complied_whole,
      coalesce(sum(n) FILTER (WHERE status = 'completed' AND partial), 0)::int AS complied_part,
      coalesce(sum(n) FILTER (WHERE status = 'denied'), 0)::int AS denied,
      coalesce(sum(n) FILTER (WHERE status = 'denied' AND denial_reason IN ('cannot_verify', 'agent_not_authorized')), 0)::int AS denied_cannot_verify,
      coalesce(sum(n) FILTER (WHERE status = 'denied' AND denial_reason = 'not_covered'), 0)::int AS denied_not_covered,
      coalesce(sum(n) FILTER (WHERE status = 'denied' AND denial_reason = 'exempt'), 0)::int AS denied_exempt,
      coalesce(sum(n) FILTER (WHERE status = 'denied' AND (denial_reason IS NULL OR denial_reason NOT IN ('cannot_verify', 'agent_not_authorized', 'not_covered', 'exempt'))), 0)::int AS denied_other,
      coalesce(sum(n) FILTER (WHERE status = 'withdrawn'), 0)::int AS withdrawn,
      coalesce(sum(n) FILTER (WHERE status = 'expired'), 0)::int AS expired,
      coalesce(sum(n) FILTER (WHERE open), 0)::int AS open,
      coalesce(sum(n) FILTER (WHERE days IS NOT NULL), 0)::int AS decided,
      coalesce(sum(n) FILTER (WHERE on_time), 0)::int AS on_time,
      (sum(n::bigint * days) FILTER (WHERE days IS NOT NULL))::float8 / nullif(sum(n) FILTER (WHERE days IS NOT NULL), 0) AS mean_days,
      ${bucketColumns}
    FROM k GROUP BY key
  ),
  hist AS (SELECT key, days, sum(n) AS n FROM k WHERE days IS NOT NULL GROUP BY key, days),
  cum AS (SELECT key, days, sum(n) OVER (PARTITION BY key ORDER BY days) AS below, sum(n) OVER (PARTITION BY key) AS total FROM hist),
  -- percentile_cont(0.5): the mean of the values at 0-based positions floor((N-1)/2) and ceil((N-1)/2).
  med AS (
    SELECT key, ((min(days) FILTER (WHERE below > floor((total - 1) / 2.0))) + (min(days) FILTER (WHERE below > ceil((total - 1) / 2.0)))) / 2.0 AS median_days
    FROM cum GROUP BY key
  ),
  outcomes AS (SELECT agg.*, med.median_days::float8 AS median_days FROM agg LEFT JOIN med USING (key))`;

/**
 * The planner cannot know that a year of requests falls into a few thousand groups; with the default
 * work_mem it expects too many to hash and sorts half a million rows on disk instead. Inside the
 * metrics' own transaction only.
 */
export const METRICS_WORK_MEM = Prisma.sql`SELECT set_config('work_mem', '64MB', true)`;

export type OutcomeRow = {
  key: string;
  received: number;
  complied_whole: number;
  complied_part: number;
  denied: number;
  denied_cannot_verify: number;
  denied_not_covered: number;
  denied_exempt: number;
  denied_other: number;
  withdrawn: number;
  expired: number;
  open: number;
  decided: number;
  on_time: number;
  median_days: number | null;
  mean_days: number | null;
} & Record<`bucket_${number}`, number>;

export type Outcome = {
  received: number;
  compliedWhole: number;
  compliedPart: number;
  denied: number;
  deniedCannotVerify: number;
  deniedNotCovered: number;
  deniedExempt: number;
  deniedOther: number;
  withdrawn: number;
  expired: number;
  open: number;
  decided: number;
  onTime: number;
  medianDays: number | null;
  meanDays: number | null;
  /** Decided requests per response-time bucket (RESPONSE_BUCKET_MAX_DAYS, then the open one). */
  buckets: number[];
};

export const EMPTY_OUTCOME: Outcome = {
  received: 0,
  compliedWhole: 0,
  compliedPart: 0,
  denied: 0,
  deniedCannotVerify: 0,
  deniedNotCovered: 0,
  deniedExempt: 0,
  deniedOther: 0,
  withdrawn: 0,
  expired: 0,
  open: 0,
  decided: 0,
  onTime: 0,
  medianDays: null,
  meanDays: null,
  buckets: [...RESPONSE_BUCKET_MAX_DAYS, null].map(() => 0),
};

export function toOutcome(row: OutcomeRow): Outcome {
  return {
    received: row.received,
    compliedWhole: row.complied_whole,
    compliedPart: row.complied_part,
    denied: row.denied,
    deniedCannotVerify: row.denied_cannot_verify,
    deniedNotCovered: row.denied_not_covered,
    deniedExempt: row.denied_exempt,
    deniedOther: row.denied_other,
    withdrawn: row.withdrawn,
    expired: row.expired,
    open: row.open,
    decided: row.decided,
    onTime: row.on_time,
    medianDays: row.median_days,
    meanDays: row.mean_days,
    buckets: [...RESPONSE_BUCKET_MAX_DAYS, null].map((_, i) => row[`bucket_${i}`]),
  };
}
