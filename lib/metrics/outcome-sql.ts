/**
 * The SQL that classifies a request's outcome, shared by the metrics, the CCPA §7102 report and the
 * records export so that all three count the same way. It reads only columns that the retention
 * purge keeps (status, partial, denial_reason, dates), so purged (anonymised) rows count as before.
 *
 * - complied in whole: completed, not partial
 * - complied in part: completed with partial = true (a partial denial)
 * - denied: status denied, broken out by reason as §7102(a) allows:
 *   cannot_verify -> could not verify; not_covered -> not a covered person; exempt -> exempt;
 *   anything else (manifestly unfounded, duplicate, other) -> other
 * - substantive response: decided_at of a completed or denied request; days counted from received_at
 */
import { Prisma } from '../generated/prisma/client';

export const DECIDED = Prisma.sql`(r.status IN ('completed', 'denied') AND r.decided_at IS NOT NULL)`;
export const RESPONSE_DAYS = Prisma.sql`(EXTRACT(EPOCH FROM (r.decided_at - r.received_at)) / 86400.0)`;

/** The outcome columns over `privacy_request r`, for any GROUP BY. */
export const OUTCOME_COLUMNS = Prisma.sql`
  count(*)::int AS received,
  (count(*) FILTER (WHERE r.status = 'completed' AND NOT r.partial))::int AS complied_whole,
  (count(*) FILTER (WHERE r.status = 'completed' AND r.partial))::int AS complied_part,
  (count(*) FILTER (WHERE r.status = 'denied'))::int AS denied,
  (count(*) FILTER (WHERE r.status = 'denied' AND r.denial_reason = 'cannot_verify'))::int AS denied_cannot_verify,
  (count(*) FILTER (WHERE r.status = 'denied' AND r.denial_reason = 'not_covered'))::int AS denied_not_covered,
  (count(*) FILTER (WHERE r.status = 'denied' AND r.denial_reason = 'exempt'))::int AS denied_exempt,
  (count(*) FILTER (WHERE r.status = 'denied' AND (r.denial_reason IS NULL OR r.denial_reason NOT IN ('cannot_verify', 'not_covered', 'exempt'))))::int AS denied_other,
  (count(*) FILTER (WHERE r.status = 'withdrawn'))::int AS withdrawn,
  (count(*) FILTER (WHERE r.status = 'expired'))::int AS expired,
  (count(*) FILTER (WHERE r.closed_at IS NULL))::int AS open,
  (count(*) FILTER (WHERE ${DECIDED}))::int AS decided,
  (count(*) FILTER (WHERE ${DECIDED} AND r.decided_at <= r.due_at))::int AS on_time,
  (percentile_cont(0.5) WITHIN GROUP (ORDER BY ${RESPONSE_DAYS}) FILTER (WHERE ${DECIDED}))::float8 AS median_days,
  (avg(${RESPONSE_DAYS}) FILTER (WHERE ${DECIDED}))::float8 AS mean_days`;

export type OutcomeRow = {
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
};

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
};

export const EMPTY_OUTCOME: Outcome = {
  received: 0, compliedWhole: 0, compliedPart: 0, denied: 0, deniedCannotVerify: 0, deniedNotCovered: 0, deniedExempt: 0,
  deniedOther: 0, withdrawn: 0, expired: 0, open: 0, decided: 0, onTime: 0, medianDays: null, meanDays: null,
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
  };
}
