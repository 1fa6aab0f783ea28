import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { AppError } from '../errors';

/** An admin lifts a legal hold; the next retention run purges the request if its window has passed. Audited. */
export async function liftLegalHold(options: { staff: StaffIdentity | null; requestId: string }) {
  const staff = authorize(options.staff, 'records.hold');
  await db().$transaction(async (tx) => {
    const updated = await tx.privacyRequest.updateMany({
      where: { id: options.requestId, legalHoldAt: { not: null } },
      data: { legalHoldAt: null, legalHoldReason: null, legalHoldById: null },
    });
    if (updated.count === 0) throw new AppError('CONFLICT', 'This request is not on legal hold.');
    await recordAuditEvent(tx, {
      requestId: options.requestId,
      action: 'request.legal_hold_lifted',
      actor: { type: 'staff', id: staff.id },
    });
  });
}
