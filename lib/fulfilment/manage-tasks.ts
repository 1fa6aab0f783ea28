/**
 * What staff do with a request's fulfilment tasks: see them, assign them, work a manual one
 * (checklist, result), mark it done, retry a failed connector run, or, for admins, close a task
 * without doing it, with a reason. Every change is audited in its transaction.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db, type Tx } from '../db';
import { AppError } from '../errors';
import { addJob } from '../queue/add-job';
import { putObject } from '../storage/storage';

const checklistSchema = z.array(z.object({ label: z.string(), done: z.boolean() }));
export type ChecklistItem = z.infer<typeof checklistSchema>[number];

export function readChecklist(value: unknown): ChecklistItem[] {
  const parsed = checklistSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

export async function listTasks(options: { staff: StaffIdentity; requestId: string }) {
  authorize(options.staff, 'requests.read');
  const tasks = await db().fulfilmentTask.findMany({
    where: { requestId: options.requestId },
    include: {
      system: { select: { id: true, key: true, name: true, kind: true, ownerId: true } },
      assignee: { select: { id: true, name: true, email: true } },
      attachments: { select: { id: true, fileName: true, size: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
    },
    orderBy: [{ system: { name: 'asc' } }, { type: 'asc' }],
  });
  return tasks.map((t) => ({ ...t, checklist: readChecklist(t.checklist), attachments: t.attachments.map((a) => ({ ...a, size: Number(a.size) })) }));
}

export type TaskRow = Awaited<ReturnType<typeof listTasks>>[number];

/** Locks the task's request and the task itself: one person acting on a task at a time. */
async function lockTask(tx: Tx, taskId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(taskId)) throw new AppError('NOT_FOUND', 'No task with that id.');
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM fulfilment_task WHERE id = ${taskId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new AppError('NOT_FOUND', 'No task with that id.');
  const task = await tx.fulfilmentTask.findUniqueOrThrow({ where: { id: taskId }, include: { request: { select: { id: true, status: true } }, system: { select: { name: true } } } });
  if (!['in_progress', 'awaiting_requester'].includes(task.request.status)) throw new AppError('CONFLICT', 'Tasks can change only while the request is being worked on.');
  return task;
}

function assertOpen(task: { status: string }) {
  if (task.status === 'done' || task.status === 'closed') throw new AppError('CONFLICT', 'This task is already finished.');
}

export async function assignTask(options: { staff: StaffIdentity; taskId: string; assigneeId: string | null }) {
  const staff = authorize(options.staff, 'requests.work');
  await db().$transaction(async (tx) => {
    const task = await lockTask(tx, options.taskId);
    assertOpen(task);
    if (options.assigneeId && !(await tx.user.findFirst({ where: { id: options.assigneeId, deactivatedAt: null, role: { in: ['admin', 'reviewer'] } } }))) {
      throw new AppError('INVALID_INPUT', 'Tasks can be assigned to active admins and reviewers.', { fields: { assigneeId: ['Choose someone who can work requests'] } });
    }
    await tx.fulfilmentTask.update({ where: { id: task.id }, data: { assigneeId: options.assigneeId } });
    await recordAuditEvent(tx, { requestId: task.requestId, action: 'task.assigned', actor: { type: 'staff', id: staff.id }, data: { taskId: task.id, assigneeId: options.assigneeId } });
  });
}

/**
 * Saves a manual task's progress; with `finish`, marks it done (every checklist step ticked and a
 * result written). A failed automated task can be finished by hand the same way.
 */
export async function updateManualTask(options: { staff: StaffIdentity; taskId: string; done: number[]; result: string | null; finish: boolean }) {
  const staff = authorize(options.staff, 'requests.work');
  await db().$transaction(async (tx) => {
    const task = await lockTask(tx, options.taskId);
    assertOpen(task);
    if (task.automated && task.status !== 'failed') throw new AppError('CONFLICT', 'This task is run by its connector; it can be finished by hand only if the connector failed.');
    const checklist = readChecklist(task.checklist).map((item, i) => ({ ...item, done: options.done.includes(i) }));
    const result = options.result?.trim() || null;
    if (options.finish) {
      if (checklist.some((i) => !i.done)) throw new AppError('INVALID_INPUT', 'Tick every step of the checklist before marking the task done.', { fields: { done: ['Every step must be done'] } });
      if (!result) throw new AppError('INVALID_INPUT', 'Write what was done (and anything kept, and why) before marking the task done.', { fields: { result: ['Describe what was done'] } });
    }
    const now = new Date();
    await tx.fulfilmentTask.update({
      where: { id: task.id },
      data: { checklist, result, ...(options.finish ? { status: 'done', completedAt: now, outcome: { by: 'staff', staffId: staff.id, at: now.toISOString() } } : {}) },
    });
    await recordAuditEvent(tx, {
      requestId: task.requestId,
      action: options.finish ? 'task.done' : 'task.updated',
      actor: { type: 'staff', id: staff.id },
      data: { taskId: task.id, system: task.system.name, type: task.type, stepsDone: checklist.filter((i) => i.done).length },
    });
  });
}

/** Runs a failed connector task again. */
export async function retryTask(options: { staff: StaffIdentity; taskId: string }) {
  const staff = authorize(options.staff, 'requests.work');
  await db().$transaction(async (tx) => {
    const task = await lockTask(tx, options.taskId);
    if (!task.automated || task.status !== 'failed') throw new AppError('CONFLICT', 'Only a failed connector task can be retried.');
    await tx.fulfilmentTask.update({ where: { id: task.id }, data: { status: 'open', lastError: null } });
    await addJob(tx, 'run-fulfilment-task', { taskId: task.id }, { jobKey: `fulfilment-task:${task.id}` });
    await recordAuditEvent(tx, { requestId: task.requestId, action: 'task.retried', actor: { type: 'staff', id: staff.id }, data: { taskId: task.id } });
  });
}

/** Admins only: closes an unfinished task without doing it, so the request can be completed. The reason is audited. */
export async function closeTask(options: { staff: StaffIdentity; taskId: string; reason: string }) {
  const staff = authorize(options.staff, 'requests.admin');
  const reason = options.reason.trim();
  if (reason.length < 5) throw new AppError('INVALID_INPUT', 'Give the reason the task is closed without being done.', { fields: { reason: ['Give a reason'] } });
  await db().$transaction(async (tx) => {
    const task = await lockTask(tx, options.taskId);
    assertOpen(task);
    await tx.fulfilmentTask.update({ where: { id: task.id }, data: { status: 'closed', closedReason: reason, closedById: staff.id, completedAt: new Date() } });
    await recordAuditEvent(tx, { requestId: task.requestId, action: 'task.closed', actor: { type: 'staff', id: staff.id }, data: { taskId: task.id, system: task.system.name, type: task.type, reason } });
  });
}

/** Admins only: closes every unfinished task of a request with one reason (each closure audited). */
export async function closeOpenTasks(options: { staff: StaffIdentity; requestId: string; reason: string }) {
  authorize(options.staff, 'requests.admin');
  const open = await db().fulfilmentTask.findMany({ where: { requestId: options.requestId, status: { notIn: ['done', 'closed'] } }, select: { id: true } });
  for (const task of open) await closeTask({ staff: options.staff, taskId: task.id, reason: options.reason });
  return open.length;
}

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** A file for a manual task (what a person exported by hand, say); stored encrypted, included in the package for collect tasks. */
export async function addTaskAttachment(options: { staff: StaffIdentity; taskId: string; file: File }) {
  const staff = authorize(options.staff, 'requests.work');
  const { file } = options;
  if (file.size === 0) throw new AppError('INVALID_INPUT', 'Choose a file to attach.', { fields: { file: ['Choose a file'] } });
  if (file.size > MAX_ATTACHMENT_BYTES) throw new AppError('INVALID_INPUT', 'Attachments can be at most 10 MB.', { fields: { file: ['At most 10 MB'] } });
  const task = await db().fulfilmentTask.findUnique({ where: { id: options.taskId }, include: { request: { select: { status: true } } } });
  if (!task) throw new AppError('NOT_FOUND', 'No task with that id.');
  if (task.status === 'done' || task.status === 'closed') throw new AppError('CONFLICT', 'This task is already finished.');
  const id = randomUUID();
  const storageKey = `tasks/${task.id}/attachments/${id}`;
  const { size } = await putObject(storageKey, Readable.fromWeb(file.stream() as import('node:stream/web').ReadableStream));
  await db().$transaction(async (tx) => {
    await lockTask(tx, task.id);
    await tx.taskAttachment.create({ data: { id, taskId: task.id, fileName: file.name.slice(0, 255) || 'file', contentType: (file.type || 'application/octet-stream').slice(0, 200), size, storageKey, uploadedById: staff.id } });
    await recordAuditEvent(tx, { requestId: task.requestId, action: 'task.attachment_added', actor: { type: 'staff', id: staff.id }, data: { taskId: task.id, attachmentId: id, size } });
  });
}
