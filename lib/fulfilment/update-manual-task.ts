import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { AppError } from '../errors';
import { readChecklist } from './task-checklist';
import { completeHonoredOptOut } from './complete-honored-opt-out';
import { createRecipientTasks } from './create-tasks';
import { lockTask, assertOpen, taskTarget } from './lock-task';

/**
 * Saves a manual task's progress; with `finish`, marks it done (every checklist step ticked and a
 * result written). A failed automated task can be finished by hand the same way. Returns the task's
 * request and its status after the change.
 */
export async function updateManualTask(options: {
  staff: StaffIdentity;
  taskId: string;
  done: number[];
  result: string | null;
  finish: boolean;
}) {
  const staff = authorize(options.staff, 'requests.work');
  return db().$transaction(async (tx) => {
    const task = await lockTask(tx, options.taskId);
    assertOpen(task);
    if (task.automated && task.status !== 'failed')
      throw new AppError(
        'CONFLICT',
        'This task is run by its connector; it can be finished by hand only if the connector failed.',
      );
    const checklist = readChecklist(task.checklist).map((item, i) => ({ ...item, done: options.done.includes(i) }));
    const result = options.result?.trim() || null;
    if (options.finish) {
      if (checklist.some((i) => !i.done))
        throw new AppError('INVALID_INPUT', 'Tick every step of the checklist before marking the task done.', {
          fields: { done: ['Every step must be done'] },
        });
      if (!result)
        throw new AppError(
          'INVALID_INPUT',
          'Write what was done (and anything kept, and why) before marking the task done.',
          { fields: { result: ['Describe what was done'] } },
        );
    }
    const now = new Date();
    await tx.fulfilmentTask.update({
      where: { id: task.id },
      data: {
        checklist,
        result,
        ...(options.finish
          ? { status: 'done', completedAt: now, outcome: { by: 'staff', staffId: staff.id, at: now.toISOString() } }
          : {}),
      },
    });
    await recordAuditEvent(tx, {
      requestId: task.requestId,
      action: options.finish ? 'task.done' : 'task.updated',
      actor: { type: 'staff', id: staff.id },
      data: {
        taskId: task.id,
        system: taskTarget(task),
        type: task.type,
        stepsDone: checklist.filter((i) => i.done).length,
      },
    });
    if (options.finish) {
      await createRecipientTasks(tx, task.requestId);
      await completeHonoredOptOut(tx, task.requestId);
    }
    return { id: task.id, requestId: task.requestId, status: options.finish ? ('done' as const) : task.status };
  });
}
