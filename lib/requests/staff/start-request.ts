import { recordAuditEvent } from '../../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { db } from '../../db';
import { createFulfilmentTasks } from '../../fulfilment/create-tasks';
import { lockRequestFor } from './lock-request';

/** Staff start work on a verified request; the requester sees that it is being worked on. */
export async function startRequest(options: { staff: StaffIdentity; requestId: string }) {
  const staff = authorize(options.staff, 'requests.work');
  await db().$transaction(async (tx) => {
    const { request, nextStatus } = await lockRequestFor(tx, options.requestId, 'start');
    await tx.privacyRequest.update({ where: { id: request.id }, data: { status: nextStatus, assigneeId: request.assigneeId ?? staff.id } });
    await createFulfilmentTasks(tx, request, staff.id);
    await recordAuditEvent(tx, { requestId: request.id, action: 'request.started', actor: { type: 'staff', id: staff.id }, summary: 'Our privacy team is working on your request' });
  });
}
