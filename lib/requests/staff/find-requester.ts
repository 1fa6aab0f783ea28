import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { db } from '../../db';
import { emailHashes } from '../../security/tokens';

/**
 * An email search, as the queue's address carries it: the id of the latest request from that
 * address ('none' when there is none), never the address itself. The queue then lists every
 * request from the same address as that one (listRequests' `requester`).
 */
export async function findRequester(options: { staff: StaffIdentity | null; email: string }): Promise<string> {
  authorize(options.staff, 'requests.read');
  const latest = await db().privacyRequest.findFirst({
    where: { emailHash: { in: emailHashes(options.email) } },
    orderBy: { receivedAt: 'desc' },
    select: { id: true },
  });
  return latest?.id ?? 'none';
}
