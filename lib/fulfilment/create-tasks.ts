import { type Actor, recordAuditEvent } from '../audit/record-audit-event';
import type { Tx } from '../db';
import { AppError } from '../errors';
import type { DataSystem } from '../generated/prisma/client';
import { addJob } from '../queue/add-job';
import type { RequestType } from '../universal/codes';
import { statementsSchema } from './schemas';
import { taskTypesFor, type TaskType } from './task-types';

/** Whether the system's connector can do this task itself; otherwise a person does it. */
export function connectorHandles(system: Pick<DataSystem, 'kind' | 'statements'>, type: TaskType): boolean {
  if (system.kind === 'webhook') return true;
  if (system.kind !== 'postgres') return false;
  const parsed = statementsSchema.safeParse(system.statements);
  return parsed.success && (parsed.data[type]?.length ?? 0) > 0;
}

/**
 * One task per active system and task type the request calls for, in the caller's transaction (the
 * request moving to in_progress, or an opt-out acted on at receipt by the system). Tasks that exist
 * already are kept, not duplicated. Automated tasks get their connector job in the same transaction.
 */
export async function createFulfilmentTasks(
  tx: Tx,
  request: { id: string; types: RequestType[]; details: string | null },
  actor: Extract<Actor, { type: 'staff' | 'system' }>,
) {
  const types = taskTypesFor(request.types);
  const systems = await tx.dataSystem.findMany({
    where: { active: true, taskTypes: { hasSome: types } },
    orderBy: { name: 'asc' },
  });
  let created = 0;
  for (const system of systems) {
    for (const type of types.filter((t) => system.taskTypes.includes(t))) {
      const exists = await tx.fulfilmentTask.findUnique({
        where: { requestId_systemId_type: { requestId: request.id, systemId: system.id, type } },
      });
      if (exists) continue;
      const automated = connectorHandles(system, type);
      const task = await tx.fulfilmentTask.create({
        data: {
          requestId: request.id,
          systemId: system.id,
          type,
          automated,
          assigneeId: automated ? null : system.ownerId,
          change: type === 'correct' ? request.details : null,
          checklist: automated ? [] : system.checklist.map((label) => ({ label, done: false })),
        },
      });
      if (automated)
        await addJob(tx, 'run-fulfilment-task', { taskId: task.id }, { jobKey: `fulfilment-task:${task.id}` });
      created += 1;
    }
  }
  await recordAuditEvent(tx, {
    requestId: request.id,
    action: 'tasks.created',
    actor,
    data: { count: created, types },
  });
  return created;
}

/** Refuses to close a request (or the part of it doing `taskTypes`) while a task is not done or closed. */
export async function assertTasksFinished(tx: Tx, requestId: string, taskTypes?: readonly TaskType[]) {
  const open = await tx.fulfilmentTask.findMany({
    where: { requestId, status: { notIn: ['done', 'closed'] }, ...(taskTypes ? { type: { in: [...taskTypes] } } : {}) },
    include: { system: { select: { name: true } } },
  });
  if (open.length === 0) return;
  const names = open.map((t) => `${t.system.name} (${t.type}, ${t.status})`).join(', ');
  throw new AppError(
    'CONFLICT',
    `The request cannot be completed while tasks are open: ${names}. Finish them, or an admin can close them with a reason.`,
  );
}
