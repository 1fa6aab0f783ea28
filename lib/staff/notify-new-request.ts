import type { Tx } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { env } from '../env';
import { publicLinks } from '../email/public-links';
import type { RequestType } from '../universal/codes';
import { formatZonedDueDate } from '../clock/format-zoned-due-date';

/** A request was verified: STAFF_NOTIFY_EMAIL, or every active admin, hears of it. */
export async function notifyNewRequest(
  tx: Tx,
  request: { id: string; reference: string; types: RequestType[]; jurisdiction: string; dueAt: Date },
) {
  const configured = env().STAFF_NOTIFY_EMAIL;
  const recipients = configured
    ? [configured]
    : (await tx.user.findMany({ where: { role: 'admin', deactivatedAt: null }, select: { email: true } })).map(
        (u) => u.email,
      );
  for (const to of recipients) {
    await enqueueEmail(tx, {
      template: 'staff-notice',
      to,
      props: {
        brand: brand(),
        heading: `New privacy request ${request.reference}`,
        body: `A ${request.jurisdiction} request (${request.types.join(', ')}) was verified. It is due on ${formatZonedDueDate(request)}.`,
        url: publicLinks.staffRequest(request.id),
      },
    });
  }
}
