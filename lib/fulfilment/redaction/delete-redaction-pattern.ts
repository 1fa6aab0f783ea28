import { recordAuditEvent } from '../../audit/record-audit-event';
import { db } from '../../db';
import { AppError } from '../../errors';
import { isUuid } from '../../uuid';
import { authorize, type StaffIdentity } from '../../permissions/authorize';

/** An admin removes a workspace pattern; packages built from now on no longer apply it. Audited. */
export async function deleteRedactionPattern(options: { staff: StaffIdentity; patternId: string }) {
  const staff = authorize(options.staff, 'redaction.patterns');
  if (!isUuid(options.patternId)) throw new AppError('NOT_FOUND', 'No such pattern.');
  await db().$transaction(async (tx) => {
    const removed = await tx.redaction.deleteMany({
      where: { id: options.patternId, requestId: null, kind: 'pattern' },
    });
    if (removed.count === 0) throw new AppError('NOT_FOUND', 'No such pattern.');
    await recordAuditEvent(tx, {
      action: 'redaction.pattern_removed',
      actor: { type: 'staff', id: staff.id },
      data: { redactionId: options.patternId },
    });
  });
}
