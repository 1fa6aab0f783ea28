import { type Actor, recordAuditEvent } from '../audit/record-audit-event';
import type { Tx } from '../db';
import { AppError } from '../errors';
import type { DataSystem } from '../generated/prisma/client';
import { addJob } from '../queue/add-job';
import type { RequestType } from '../universal/codes';
import { recipientRuleFor, typesThatTellRecipients } from './recipient-rules';
import { statementsSchema } from './schemas';
import { type SystemTaskType, type TaskType, taskTypesFor } from './task-types';

/** Whether the system's connector can do this task itself; otherwise a person does it. */
export function connectorHandles(system: Pick<DataSystem, 'kind' | 'statements'>, type: SystemTaskType): boolean {
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
  // A request whose changes no system takes part in has nothing to wait for before telling recipients.
  await createRecipientTasks(tx, request.id, actor);
  return created;
}

/**
 * Once a correction, erasure or restriction is carried out at our end (every task of those types
 * finished), one notify_recipient task per active recipient of the inventory that the regime says must
 * be told (recipient-rules.ts). Called in the transaction that finishes a task, and when tasks are
 * created; tasks that exist already are kept. Recipients are told only of what was carried out: never
 * while a change task is still open, nor when every one was closed without being done.
 */
export async function createRecipientTasks(
  tx: Tx,
  requestId: string,
  actor: Extract<Actor, { type: 'staff' | 'system' }> = { type: 'system' },
) {
  // The request's row lock serialises the last two change tasks finishing at once (as
  // completeHonoredOptOut does, and with the same NO KEY UPDATE so the two never deadlock).
  await tx.$queryRaw`SELECT id FROM privacy_request WHERE id = ${requestId}::uuid FOR NO KEY UPDATE`;
  const request = await tx.privacyRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { id: true, jurisdiction: true, types: true, status: true, details: true },
  });
  if (request.status !== 'in_progress' && request.status !== 'awaiting_requester') return 0;
  const telling = typesThatTellRecipients(request.jurisdiction).filter((t) => request.types.includes(t));
  if (telling.length === 0) return 0;
  const changes = await tx.fulfilmentTask.findMany({
    where: { requestId, type: { in: taskTypesFor(telling) } },
    select: { status: true },
  });
  if (changes.some((t) => t.status !== 'done' && t.status !== 'closed')) return 0;
  // Every change task closed by an admin without being done: nothing was carried out, nothing to tell.
  if (changes.length > 0 && !changes.some((t) => t.status === 'done')) return 0;
  const recipients = await tx.dataRecipient.findMany({ where: { active: true }, orderBy: { name: 'asc' } });
  let created = 0;
  for (const recipient of recipients) {
    if (!recipientRuleFor(request.jurisdiction, telling, recipient.role)) continue;
    const exists = await tx.fulfilmentTask.findUnique({
      where: { requestId_recipientId_type: { requestId, recipientId: recipient.id, type: 'notify_recipient' } },
      select: { id: true },
    });
    if (exists) continue;
    await tx.fulfilmentTask.create({
      data: {
        requestId,
        recipientId: recipient.id,
        type: 'notify_recipient',
        change: telling.includes('correction') ? request.details : null,
        checklist: [
          { label: `Tell ${recipient.name} what was ${changeWords(telling)} (${recipient.contact})`, done: false },
          { label: 'Keep its answer or the date it was sent', done: false },
        ],
      },
    });
    created += 1;
  }
  if (created > 0)
    await recordAuditEvent(tx, {
      requestId,
      action: 'recipient-tasks.created',
      actor,
      data: { count: created, types: telling },
    });
  return created;
}

function changeWords(types: readonly RequestType[]) {
  const words = { correction: 'corrected', deletion: 'erased', restriction: 'restricted' } as Record<string, string>;
  return types
    .map((t) => words[t])
    .filter(Boolean)
    .join(', ');
}

/** The task types of a part of a request, with the recipients' tasks when the part changes data. */
export function withRecipientTasks(taskTypes: readonly TaskType[]): TaskType[] {
  const changes = taskTypes.some((t) => t === 'erase' || t === 'correct' || t === 'restrict');
  return changes ? [...taskTypes, 'notify_recipient'] : [...taskTypes];
}

/** Refuses to close a request (or the part of it doing `taskTypes`) while a task is not done or closed. */
export async function assertTasksFinished(tx: Tx, requestId: string, taskTypes?: readonly TaskType[]) {
  const open = await tx.fulfilmentTask.findMany({
    where: {
      requestId,
      status: { notIn: ['done', 'closed'] },
      ...(taskTypes ? { type: { in: withRecipientTasks(taskTypes) } } : {}),
    },
    include: { system: { select: { name: true } }, recipient: { select: { name: true } } },
  });
  if (open.length === 0) return;
  const names = open.map((t) => `${t.system?.name ?? t.recipient?.name} (${t.type}, ${t.status})`).join(', ');
  throw new AppError(
    'CONFLICT',
    `The request cannot be completed while tasks are open: ${names}. Finish them, or an admin can close them with a reason.`,
  );
}
