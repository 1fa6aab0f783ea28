import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { AppError } from '../errors';

/** An admin stops the retention purge of a request (litigation, a regulator's inquiry). Audited. */
export async function placeLegalHold(options: { staff: StaffIdentity | null; requestId: string; reason: string }) {
  const staff = authorize(options.staff, 'records.hold');
  const reason = options.reason.trim();
  if (reason.length < 5 || reason.length > 1000) {
    throw new AppError('INVALID_INPUT', 'Say why the request is on hold (5 to 1,000 characters).', {
      fields: { reason: ['Say why'] },
    });
  }
  await db().$transaction(async (tx) => {
    const request = await tx.privacyRequest.findUnique({
      where: { id: options.requestId },
      select: { id: true, purgedAt: true, legalHoldAt: true },
    });
    if (!request) throw new AppError('NOT_FOUND', 'There is no such request.');
    if (request.purgedAt)
      throw new AppError(
        'CONFLICT',
        'This request’s personal data has already been purged; there is nothing left to hold.',
      );
    if (request.legalHoldAt) throw new AppError('CONFLICT', 'This request is already on legal hold.');
    await tx.privacyRequest.update({
      where: { id: request.id },
      data: { legalHoldAt: new Date(), legalHoldReason: reason, legalHoldById: staff.id },
    });
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'request.legal_hold_placed',
      actor: { type: 'staff', id: staff.id },
    });
  });
}
