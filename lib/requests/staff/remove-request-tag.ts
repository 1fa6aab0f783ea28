import { recordAuditEvent } from '../../audit/record-audit-event';
import { db } from '../../db';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { lockRequestRow } from './lock-request-row';

/** Removes a tag from a request (audited). An assignment a rule made on the tag stays. */
export async function removeRequestTag(options: { staff: StaffIdentity; requestId: string; tag: string }) {
  const staff = authorize(options.staff, 'requests.work');
  return db().$transaction(async (tx) => {
    const request = await lockRequestRow(tx, options.requestId);
    const { count } = await tx.requestTag.deleteMany({ where: { requestId: request.id, tag: options.tag } });
    if (count === 0) return { removed: false };
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'request.tag_removed',
      actor: { type: 'staff', id: staff.id },
      data: { tag: options.tag },
    });
    return { removed: true };
  });
}
