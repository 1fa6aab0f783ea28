import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { AppError } from '../errors';
import { addJob } from '../queue/add-job';
import { lockTask } from './lock-task';

/** Runs a failed connector task again. */
export async function retryTask(options: { staff: StaffIdentity; taskId: string }) {
  const staff = authorize(options.staff, 'requests.work');
  await db().$transaction(async (tx) => {
    const task = await lockTask(tx, options.taskId);
    if (!task.automated || task.status !== 'failed')
      throw new AppError('CONFLICT', 'Only a failed connector task can be retried.');
    await tx.fulfilmentTask.update({ where: { id: task.id }, data: { status: 'open', lastError: null } });
    await addJob(tx, 'run-fulfilment-task', { taskId: task.id }, { jobKey: `fulfilment-task:${task.id}` });
    await recordAuditEvent(tx, {
      requestId: task.requestId,
      action: 'task.retried',
      actor: { type: 'staff', id: staff.id },
      data: { taskId: task.id },
    });
  });
}
