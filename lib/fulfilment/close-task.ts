import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { AppError } from '../errors';
import { completeHonoredOptOut } from './complete-honored-opt-out';
import { createRecipientTasks } from './create-tasks';
import { lockTask, assertOpen, taskTarget } from './lock-task';

/** Admins only: closes an unfinished task without doing it, so the request can be completed. The reason is audited. */
export async function closeTask(options: { staff: StaffIdentity; taskId: string; reason: string }) {
  const staff = authorize(options.staff, 'requests.admin');
  const reason = options.reason.trim();
  if (reason.length < 5)
    throw new AppError('INVALID_INPUT', 'Give the reason the task is closed without being done.', {
      fields: { reason: ['Give a reason'] },
    });
  await db().$transaction(async (tx) => {
    const task = await lockTask(tx, options.taskId);
    assertOpen(task);
    await tx.fulfilmentTask.update({
      where: { id: task.id },
      data: { status: 'closed', closedReason: reason, closedById: staff.id, completedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      requestId: task.requestId,
      action: 'task.closed',
      actor: { type: 'staff', id: staff.id },
      data: { taskId: task.id, system: taskTarget(task), type: task.type, reason },
    });
    await createRecipientTasks(tx, task.requestId);
    await completeHonoredOptOut(tx, task.requestId);
  });
}
