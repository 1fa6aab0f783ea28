import { db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import type { MetricsFilter } from './get-request-metrics';

/**
 * Complaints received in [from, to) in the regime (null: all), for the metrics page: how many, how many
 * acknowledged within their 30 days (UK DPA 2018 s.164A(3)), how many answered, answered by the target,
 * and still open (overdue among them).
 */
export async function getComplaintMetrics(options: { staff: StaffIdentity | null; filter: MetricsFilter; now?: Date }) {
  authorize(options.staff, 'metrics.read');
  const { from, to, regime } = options.filter;
  const now = options.now ?? new Date();
  const [row] = await db().$queryRaw<
    {
      received: number;
      acknowledged_on_time: number;
      resolved: number;
      resolved_on_time: number;
      open: number;
      overdue: number;
    }[]
  >`
    SELECT count(*)::int AS received,
           count(*) FILTER (WHERE acknowledged_at IS NOT NULL AND acknowledged_at <= acknowledge_by)::int AS acknowledged_on_time,
           count(*) FILTER (WHERE resolved_at IS NOT NULL)::int AS resolved,
           count(*) FILTER (WHERE resolved_at IS NOT NULL AND resolved_at <= respond_by)::int AS resolved_on_time,
           count(*) FILTER (WHERE resolved_at IS NULL)::int AS open,
           count(*) FILTER (WHERE resolved_at IS NULL AND respond_by < ${now})::int AS overdue
      FROM request_complaint
     WHERE received_at >= ${from} AND received_at < ${to}
       ${regime ? Prisma.sql`AND jurisdiction = ${regime}` : Prisma.empty}`;
  return {
    received: row.received,
    acknowledgedOnTime: row.acknowledged_on_time,
    resolved: row.resolved,
    resolvedOnTime: row.resolved_on_time,
    open: row.open,
    overdue: row.overdue,
  };
}
