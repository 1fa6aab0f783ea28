import type { Tx } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { publicLinks } from '../email/public-links';

/**
 * A staff notice about one request, sent from the transaction that caused it (through the outbox):
 * to the request's assignee, or to every active admin while nobody is assigned. A deactivated
 * assignee is told nothing. The notice links to the request's page.
 */
export async function notifyRequestStaff(
  tx: Tx,
  request: { id: string; assigneeId: string | null },
  notice: { heading: string; body: string },
) {
  const recipients = request.assigneeId
    ? await tx.user.findMany({ where: { id: request.assigneeId, deactivatedAt: null }, select: { email: true } })
    : await tx.user.findMany({ where: { role: 'admin', deactivatedAt: null }, select: { email: true } });
  for (const person of recipients)
    await enqueueEmail(tx, {
      template: 'staff-notice',
      to: person.email,
      props: { brand: brand(), ...notice, url: publicLinks.staffRequest(request.id) },
    });
}
