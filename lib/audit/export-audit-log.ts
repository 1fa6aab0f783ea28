import type { StaffIdentity } from '../permissions/authorize';
import { csvLine } from '../csv';
import { db } from '../db';
import { formatReference } from '../universal/reference';
import { startRangeExport } from './start-range-export';

/**
 * The audit log for a date range as CSV (admins). Streams in batches so a long range does not sit
 * in memory; the export itself is audited.
 */
export async function* exportAuditLog(options: {
  staff: StaffIdentity | null;
  from: Date;
  to: Date;
}): AsyncGenerator<string> {
  await startRangeExport({ ...options, permission: 'audit.export', action: 'audit.exported' });
  yield 'id,at,action,actor_type,actor_id,actor_email,request_id,request_reference,ip,user_agent,public,summary,data\r\n';
  let cursor = 0n;
  for (;;) {
    const rows = await db().auditEvent.findMany({
      where: { createdAt: { gte: options.from, lt: options.to }, id: { gt: cursor } },
      orderBy: { id: 'asc' },
      take: 1000,
      include: { request: { select: { number: true, receivedAt: true } } },
    });
    if (rows.length === 0) return;
    const emails = new Map(
      (
        await db().user.findMany({
          where: { id: { in: rows.flatMap((r) => (r.actorId ? [r.actorId] : [])) } },
          select: { id: true, email: true },
        })
      ).map((u) => [u.id, u.email]),
    );
    yield rows
      .map((r) =>
        csvLine([
          r.id,
          r.createdAt,
          r.action,
          r.actorType,
          r.actorId,
          r.actorId ? emails.get(r.actorId) : '',
          r.requestId,
          r.request ? formatReference(r.request.number, r.request.receivedAt) : '',
          r.ip,
          r.userAgent,
          r.public,
          r.summary,
          r.data,
        ]),
      )
      .join('');
    cursor = rows.at(-1)!.id;
  }
}
