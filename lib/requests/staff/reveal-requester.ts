import { recordAuditEvent } from '../../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { db } from '../../db';
import { AppError } from '../../errors';

/** Shows a requester's email and name to a reviewer or admin; every reveal is in the audit log. */
export async function revealRequester(options: { staff: StaffIdentity; requestId: string }) {
  const staff = authorize(options.staff, 'requests.reveal');
  return db().$transaction(async (tx) => {
    const request = await tx.privacyRequest.findUnique({
      where: { id: options.requestId },
      select: { id: true, email: true, name: true, accountEmail: true, agentName: true, agentEmail: true },
    });
    if (!request) throw new AppError('NOT_FOUND', 'No request with that id.');
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'requester.revealed',
      actor: { type: 'staff', id: staff.id },
    });
    return request;
  });
}
