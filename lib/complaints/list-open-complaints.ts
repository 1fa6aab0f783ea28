import { openCountdown } from '../clock/countdown';
import { db } from '../db';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { formatReference } from '../universal/reference';
import { complaintDeadlines } from './complaint-rules';

/** Answered complaints stay in the list this long, so staff see what was just done. */
const RECENTLY_ANSWERED_MS = 7 * 86_400_000;

/**
 * Complaints still waiting for their outcome, due first, with how close each deadline is, and those
 * answered in the last week (staff who can read requests). What the complainant wrote is shown only to
 * those who may work requests.
 */
export async function listOpenComplaints(options: { staff: StaffIdentity | null; now?: Date }) {
  const staff = authorize(options.staff, 'requests.read');
  const showText = staff.role !== 'viewer';
  const now = options.now ?? new Date();
  const rows = await db().requestComplaint.findMany({
    where: { OR: [{ resolvedAt: null }, { resolvedAt: { gte: new Date(now.getTime() - RECENTLY_ANSWERED_MS) } }] },
    orderBy: { respondBy: 'asc' },
    take: 200,
    include: { request: { select: { id: true, number: true, receivedAt: true } } },
  });
  return rows.map((c) => {
    const { timeZone } = complaintDeadlines(c.jurisdiction, c.receivedAt);
    return {
      id: c.id,
      requestId: c.request.id,
      reference: formatReference(c.request.number, c.request.receivedAt),
      jurisdiction: c.jurisdiction,
      statement: showText ? c.statement : null,
      receivedAt: c.receivedAt,
      acknowledgedAt: c.acknowledgedAt,
      acknowledgeBy: c.acknowledgeBy,
      respondBy: c.respondBy,
      resolvedAt: c.resolvedAt,
      countdown: openCountdown(c.respondBy, now, timeZone),
      timeZone,
    };
  });
}
