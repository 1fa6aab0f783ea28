import { db } from '../db';

/** The complaints a request's status page lists: when each was received and whether it is answered. */
export async function complaintsForRequester(requestId: string) {
  return db().requestComplaint.findMany({
    where: { requestId },
    orderBy: { receivedAt: 'asc' },
    select: { id: true, receivedAt: true, acknowledgedAt: true, respondBy: true, resolvedAt: true },
  });
}
