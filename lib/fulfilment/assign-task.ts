import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { AppError } from '../errors';
import { lockTask, assertOpen } from './lock-task';

/** Assigns a task to an active admin or reviewer (null: unassigns). Returns the task, its request and assignee. */
export async function assignTask(options: { staff: StaffIdentity; taskId: string; assigneeId: string | null }) {
  const staff = authorize(options.staff, 'requests.work');
  return db().$transaction(async (tx) => {
    const task = await lockTask(tx, options.taskId);
    assertOpen(task);
    if (
      options.assigneeId &&
      !(await tx.user.findFirst({
        where: { id: options.assigneeId, deactivatedAt: null, role: { in: ['admin', 'reviewer'] } },
      }))
    ) {
      throw new AppError('INVALID_INPUT', 'Tasks can be assigned to active admins and reviewers.', {
        fields: { assigneeId: ['Choose someone who can work requests'] },
      });
    }
    await tx.fulfilmentTask.update({ where: { id: task.id }, data: { assigneeId: options.assigneeId } });
    await recordAuditEvent(tx, {
      requestId: task.requestId,
      action: 'task.assigned',
      actor: { type: 'staff', id: staff.id },
      data: { taskId: task.id, assigneeId: options.assigneeId },
    });
    return { id: task.id, requestId: task.requestId, assigneeId: options.assigneeId };
  });
}
