import type { Tx } from '../db';
import { AppError } from '../errors';
import { taskMayProceed } from './opt-out-tasks';

/** Locks the task's request and the task itself: one person acting on a task at a time. */
export async function lockTask(tx: Tx, taskId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(taskId)) throw new AppError('NOT_FOUND', 'No task with that id.');
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM fulfilment_task WHERE id = ${taskId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new AppError('NOT_FOUND', 'No task with that id.');
  const task = await tx.fulfilmentTask.findUniqueOrThrow({
    where: { id: taskId },
    include: {
      request: { select: { id: true, status: true, types: true, jurisdiction: true } },
      system: { select: { name: true } },
      recipient: { select: { name: true, role: true } },
    },
  });
  if (!taskMayProceed(task.type, task.request))
    throw new AppError('CONFLICT', 'Tasks can change only while the request is being worked on.');
  return task;
}

/** What a task is done on: the system's name, or the recipient's. */
export function taskTarget(task: { system: { name: string } | null; recipient?: { name: string } | null }) {
  return task.system?.name ?? task.recipient?.name ?? '';
}

export function assertOpen(task: { status: string }) {
  if (task.status === 'done' || task.status === 'closed')
    throw new AppError('CONFLICT', 'This task is already finished.');
}
