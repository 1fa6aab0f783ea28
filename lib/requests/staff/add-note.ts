import { recordAuditEvent } from '../../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { db } from '../../db';
import { AppError } from '../../errors';
import { lockRequestFor } from './lock-request';

/** An internal note: staff only, kept with the request, never sent to the requester. Returns the note's id and time. */
export async function addNote(options: { staff: StaffIdentity; requestId: string; body: string }) {
  const staff = authorize(options.staff, 'requests.work');
  const body = options.body.trim();
  if (!body) throw new AppError('INVALID_INPUT', 'Write the note first.', { fields: { body: ['Write the note'] } });
  if (body.length > 5000)
    throw new AppError('INVALID_INPUT', 'A note must be at most 5,000 characters.', {
      fields: { body: ['At most 5,000 characters'] },
    });
  return db().$transaction(async (tx) => {
    const { request } = await lockRequestFor(tx, options.requestId, 'addNote');
    const note = await tx.requestNote.create({ data: { requestId: request.id, authorId: staff.id, body } });
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'note.added',
      actor: { type: 'staff', id: staff.id },
      data: { noteId: note.id },
    });
    return { id: note.id, createdAt: note.createdAt };
  });
}
