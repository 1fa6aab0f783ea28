import { recordAuditEvent } from '../../audit/record-audit-event';
import { db } from '../../db';
import { AppError } from '../../errors';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { lockUndecidedEvidence, scheduleEvidenceDeletion } from './lock-undecided-evidence';

/**
 * A reviewer rejects an identity document, with a reason the requester reads on their status page
 * (kept on the document's row, not in the audit log, so it goes with the request's personal data).
 */
export async function rejectEvidence(options: {
  staff: StaffIdentity | null;
  evidenceId: string;
  reason: string;
  now?: Date;
}) {
  const staff = authorize(options.staff, 'evidence.review');
  const reason = options.reason.trim();
  if (reason.length < 10 || reason.length > 2000)
    throw new AppError('INVALID_INPUT', 'Tell the requester why, in 10 to 2,000 characters.', {
      fields: { reason: ['Between 10 and 2,000 characters'] },
    });
  const now = options.now ?? new Date();
  return db().$transaction(async (tx) => {
    const evidence = await lockUndecidedEvidence(tx, options.evidenceId);
    const deleteAfter = await scheduleEvidenceDeletion(tx, evidence.id, now);
    await tx.identityEvidence.update({
      where: { id: evidence.id },
      data: { decision: 'rejected', decisionReason: reason, decidedById: staff.id, decidedAt: now, deleteAfter },
    });
    await recordAuditEvent(tx, {
      requestId: evidence.requestId,
      action: 'evidence.rejected',
      actor: { type: 'staff', id: staff.id },
      summary: `We could not accept the ${evidence.kind === 'declaration' ? 'declaration' : 'document'} you sent; this page says why`,
      data: { evidenceId: evidence.id },
    });
    return { deleteAfter };
  });
}
