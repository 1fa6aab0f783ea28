import { recordAuditEvent } from '../audit/record-audit-event';
import { resumeClock } from '../clock/resume-clock';
import { db } from '../db';
import { AppError } from '../errors';
import { findRequestByStatusToken } from '../verification/find-request-by-status-token';
import { formatReference } from '../universal/reference';
import { assertTransition } from './status-machine';
import { meetsLevel } from '../verification/levels';
import { notifyRequestStaff } from '../staff/notify-request-staff';

/**
 * The requester answers our question from the status page: the answer is kept for staff, the clock
 * runs again, and the assignee (or the admins) are told.
 */
export async function replyToRequest(options: {
  requestId: string;
  token: string;
  message: string;
  ip?: string | null;
  userAgent?: string | null;
}) {
  const message = options.message.trim();
  if (message.length === 0)
    throw new AppError('INVALID_INPUT', 'Write your answer before sending it.', {
      fields: { message: ['Write your answer'] },
    });
  if (message.length > 5000)
    throw new AppError('INVALID_INPUT', 'Your answer must be at most 5,000 characters.', {
      fields: { message: ['At most 5,000 characters'] },
    });
  await db().$transaction(async (tx) => {
    const found = await findRequestByStatusToken(options.requestId, options.token, tx, options.ip);
    await tx.$executeRaw`SELECT 1 FROM privacy_request WHERE id = ${found.id}::uuid FOR UPDATE`;
    const request = await tx.privacyRequest.findUniqueOrThrow({ where: { id: found.id } });
    if (request.status !== 'awaiting_requester')
      throw new AppError('CONFLICT', 'We are not waiting for an answer on this request.');
    // Waiting for stronger proof of identity, not for an answer: only reaching the level ends that wait.
    if (request.verificationRequired && !meetsLevel(request.verificationLevel, request.verificationRequired))
      throw new AppError(
        'CONFLICT',
        'We are waiting for proof of who you are, not for an answer: use the ways shown on this page.',
      );
    const nextStatus = assertTransition(request.status, 'requesterReplies');
    const actor = { type: 'requester' as const, ip: options.ip, userAgent: options.userAgent };
    await tx.privacyRequest.update({ where: { id: request.id }, data: { status: nextStatus } });
    await tx.requesterMessage.create({ data: { requestId: request.id, direction: 'from_requester', body: message } });
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'request.requester_replied',
      actor,
      summary: 'You sent us the information we asked for',
    });
    await resumeClock(tx, { requestId: request.id, actor });
    await notifyRequestStaff(tx, request, {
      heading: `The requester answered on ${formatReference(request.number, request.receivedAt)}`,
      body: 'The requester sent the information you asked for. The request is back in progress.',
    });
  });
}
