import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { closeTask } from './close-task';

/**
 * Admins only: closes every unfinished task of a request with one reason (each closure audited),
 * including the tasks to tell recipients that finishing the last change task creates.
 */
export async function closeOpenTasks(options: { staff: StaffIdentity; requestId: string; reason: string }) {
  authorize(options.staff, 'requests.admin');
  let closed = 0;
  // Two rounds at most: the systems' tasks, then the recipients' tasks the first round created.
  for (let round = 0; round < 2; round += 1) {
    const open = await db().fulfilmentTask.findMany({
      where: { requestId: options.requestId, status: { notIn: ['done', 'closed'] } },
      select: { id: true },
    });
    for (const task of open) await closeTask({ staff: options.staff, taskId: task.id, reason: options.reason });
    closed += open.length;
  }
  return closed;
}
