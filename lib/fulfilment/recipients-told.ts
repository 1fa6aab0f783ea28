import { db } from '../db';
import { NOT_TOLD_LABELS, type NotToldReason, RECIPIENT_ROLE_LABELS, recipientRuleFor } from './recipient-rules';

/**
 * The recipients a request's change was (or is to be) told to, for the requester's status page: GDPR
 * Art. 19's last sentence gives the data subject the right to learn who they are on request. The page is
 * the requester's own, so the list is simply there, with no need to ask. Staff free text is shown only
 * where the regime requires the requester to get the explanation (CCPA §7022(b)(3)); the recipients'
 * contact details are never shown.
 */
export async function recipientsTold(requestId: string) {
  const tasks = await db().fulfilmentTask.findMany({
    where: { requestId, type: 'notify_recipient' },
    include: {
      recipient: { select: { name: true, role: true } },
      request: { select: { jurisdiction: true, types: true } },
    },
    orderBy: { createdAt: 'asc' },
  });
  return tasks.flatMap((t) => {
    if (!t.recipient) return [];
    const rule = recipientRuleFor(t.request.jurisdiction, t.request.types, t.recipient.role);
    const notTold = t.notTold as NotToldReason | null;
    return [
      {
        name: t.recipient.name,
        role: RECIPIENT_ROLE_LABELS[t.recipient.role],
        state:
          t.status === 'done'
            ? ('told' as const)
            : t.status === 'closed'
              ? ('not_told' as const)
              : ('pending' as const),
        toldAt: t.status === 'done' ? t.completedAt : null,
        notToldLabel: notTold ? NOT_TOLD_LABELS[notTold] : t.status === 'closed' ? 'Not told' : null,
        explanation: notTold && rule?.explainToRequester ? t.closedReason : null,
      },
    ];
  });
}
