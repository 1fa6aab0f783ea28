import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { formatReference } from '../universal/reference';
import { openCountdown } from '../clock/countdown';
import { requestTimeZone, staffTimeZone } from '../clock/request-deadline';

/** Appeals waiting for a decision, due first, with how close each deadline is (staff who can read requests). */
export async function listPendingAppeals(options: { staff: StaffIdentity | null; now?: Date }) {
  authorize(options.staff, 'requests.read');
  const now = options.now ?? new Date();
  const rows = await db().requestAppeal.findMany({
    where: { status: 'pending' },
    orderBy: { dueAt: 'asc' },
    take: 200,
    include: {
      request: {
        select: { id: true, number: true, receivedAt: true, jurisdiction: true, types: true, decidedById: true },
      },
    },
  });
  return rows.map((a) => ({
    id: a.id,
    requestId: a.request.id,
    reference: formatReference(a.request.number, a.request.receivedAt),
    jurisdiction: a.request.jurisdiction,
    types: a.request.types,
    receivedAt: a.receivedAt,
    dueAt: a.dueAt,
    countdown: openCountdown(a.dueAt, now, requestTimeZone(a.request)),
    timeZone: staffTimeZone(a.request),
  }));
}
