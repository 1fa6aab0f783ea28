import { Prisma } from '../generated/prisma/client';
import type { Jurisdiction } from '../universal/codes';
import { requestGroups } from './outcome-sql';

const DAY = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The groups of requests received in [from, to) in the regime (null: all), by UTC day of receipt:
 * the columns of `requestGroups(where, [day])`, read where each part is cheapest —
 * - closed requests received on whole days of the period: request_outcome_rollup (the same groups,
 *   kept by triggers on privacy_request), a few rows per day instead of every request;
 * - closed requests received on the part-days at either end, and every open request: privacy_request
 *   itself (index-only scans of privacy_request_metrics_idx and privacy_request_open_metrics_idx).
 * The parts do not overlap, so a group may appear in several of them: readers sum `n`.
 */
export function periodGroups(filter: { from: Date; to: Date; regime: Jurisdiction | null }) {
  const { from, to, regime } = filter;
  const inRegime = (column: Prisma.Sql) => Prisma.sql`(${regime}::text IS NULL OR ${column} = ${regime}::text)`;
  const day = Prisma.sql`(r.received_at AT TIME ZONE 'UTC')::date AS day`;
  const received = (start: Date, end: Date) => Prisma.sql`(r.received_at >= ${start} AND r.received_at < ${end})`;
  const firstWholeDay = new Date(Math.ceil(from.getTime() / DAY) * DAY);
  const endOfWholeDays = new Date(Math.floor(to.getTime() / DAY) * DAY);

  const open = requestGroups(
    Prisma.sql`r.closed_at IS NULL AND ${received(from, to)} AND ${inRegime(Prisma.sql`r.jurisdiction`)}`,
    [day],
  );
  if (firstWholeDay >= endOfWholeDays) {
    const closed = requestGroups(
      Prisma.sql`r.closed_at IS NOT NULL AND ${received(from, to)} AND ${inRegime(Prisma.sql`r.jurisdiction`)}`,
      [day],
    );
    return Prisma.sql`${open} UNION ALL ${closed}`;
  }
  const closedOnPartDays = requestGroups(
    Prisma.sql`r.closed_at IS NOT NULL AND (${received(from, firstWholeDay)} OR ${received(endOfWholeDays, to)}) AND ${inRegime(Prisma.sql`r.jurisdiction`)}`,
    [day],
  );
  const closedOnWholeDays = Prisma.sql`
    SELECT o.day, o.types::"RequestType"[] AS types, o.status, o.partial, nullif(o.denial_reason, '')::"DenialReason" AS denial_reason,
      false AS open, nullif(o.days, -1) AS days, CASE WHEN o.days >= 0 THEN o.on_time END AS on_time, o.n
    FROM request_outcome_rollup o
    WHERE o.day >= ${isoDay(firstWholeDay)}::date AND o.day < ${isoDay(endOfWholeDays)}::date AND o.n <> 0 AND ${inRegime(Prisma.sql`o.jurisdiction`)}`;
  return Prisma.sql`${open} UNION ALL ${closedOnPartDays} UNION ALL ${closedOnWholeDays}`;
}
