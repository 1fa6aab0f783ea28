import { recordAuditEvent } from '../../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { db } from '../../db';
import { createFulfilmentTasks } from '../../fulfilment/create-tasks';
import { unprovenAccountEmail } from '../../verification/account-email-claim';
import { assertVerifiedFor } from '../../verification/verification-gate';
import { lockRequestFor } from './lock-request';

/**
 * Staff start work on a verified request; the requester sees that it is being worked on. Refused
 * below the level its regime and types require before work (lib/verification/level-rules.ts). Tasks act
 * only for proven addresses: the answer says when the request names an account email not yet
 * proven, whose data no task will find until the requester proves it.
 */
export async function startRequest(options: { staff: StaffIdentity; requestId: string }) {
  const staff = authorize(options.staff, 'requests.work');
  return db().$transaction(async (tx) => {
    const { request, nextStatus } = await lockRequestFor(tx, options.requestId, 'start');
    assertVerifiedFor(request, 'work');
    await tx.privacyRequest.update({
      where: { id: request.id },
      data: { status: nextStatus, assigneeId: request.assigneeId ?? staff.id },
    });
    await createFulfilmentTasks(tx, request, { type: 'staff', id: staff.id });
    const unproven = unprovenAccountEmail(request) !== null;
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'request.started',
      actor: { type: 'staff', id: staff.id },
      summary: 'Our privacy team is working on your request',
      data: { unprovenAccountEmail: unproven },
    });
    return { unprovenAccountEmail: unproven };
  });
}
