import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { closeTask } from './close-task';

/** Admins only: closes every unfinished task of a request with one reason (each closure audited). */
export async function closeOpenTasks(options: { staff: StaffIdentity; requestId: string; reason: string }) {
  authorize(options.staff, 'requests.admin');
  const open = await db().fulfilmentTask.findMany({
    where: { requestId: options.requestId, status: { notIn: ['done', 'closed'] } },
    select: { id: true },
  });
  for (const task of open) await closeTask({ staff: options.staff, taskId: task.id, reason: options.reason });
  return open.length;
}
