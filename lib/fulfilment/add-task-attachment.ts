import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { AppError } from '../errors';
import { putObject } from '../storage/storage';
import { lockTask } from './lock-task';

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** A file for a manual task (what a person exported by hand, say); stored encrypted, included in the package for collect tasks. */
export async function addTaskAttachment(options: { staff: StaffIdentity; taskId: string; file: File }) {
  const staff = authorize(options.staff, 'requests.work');
  const { file } = options;
  if (file.size === 0)
    throw new AppError('INVALID_INPUT', 'Choose a file to attach.', { fields: { file: ['Choose a file'] } });
  if (file.size > MAX_ATTACHMENT_BYTES)
    throw new AppError('INVALID_INPUT', 'Attachments can be at most 10 MB.', { fields: { file: ['At most 10 MB'] } });
  const task = await db().fulfilmentTask.findUnique({
    where: { id: options.taskId },
    include: { request: { select: { status: true } } },
  });
  if (!task) throw new AppError('NOT_FOUND', 'No task with that id.');
  if (task.status === 'done' || task.status === 'closed')
    throw new AppError('CONFLICT', 'This task is already finished.');
  const id = randomUUID();
  const storageKey = `tasks/${task.id}/attachments/${id}`;
  const { size } = await putObject(
    storageKey,
    Readable.fromWeb(file.stream() as import('node:stream/web').ReadableStream),
  );
  await db().$transaction(async (tx) => {
    await lockTask(tx, task.id);
    await tx.taskAttachment.create({
      data: {
        id,
        taskId: task.id,
        fileName: file.name.slice(0, 255) || 'file',
        contentType: (file.type || 'application/octet-stream').slice(0, 200),
        size,
        storageKey,
        uploadedById: staff.id,
      },
    });
    await recordAuditEvent(tx, {
      requestId: task.requestId,
      action: 'task.attachment_added',
      actor: { type: 'staff', id: staff.id },
      data: { taskId: task.id, attachmentId: id, size },
    });
  });
}
