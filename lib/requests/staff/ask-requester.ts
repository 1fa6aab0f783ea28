import { recordAuditEvent } from '../../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { pauseClock, type PauseReason } from '../../clock/pause-clock';
import { db } from '../../db';
import { brand, enqueueEmail } from '../../email/enqueue-email';
import { AppError } from '../../errors';
import { publicLinks } from '../../email/public-links';
import { formatReference } from '../../universal/reference';
import { lockRequestFor } from './lock-request';

/**
 * Asks the requester for clarification or identity information. The message goes by email with the
 * status-page link, where the requester answers; the clock pauses where the regime allows it for
 * that reason, and otherwise the question still goes and `pauseRefusal` says why the clock runs on.
 */
export async function askRequester(options: {
  staff: StaffIdentity;
  requestId: string;
  reason: PauseReason;
  message: string;
  now?: Date;
}) {
  const staff = authorize(options.staff, 'requests.work');
  const message = options.message.trim();
  if (message.length < 10)
    throw new AppError('INVALID_INPUT', 'Write the question for the requester (at least 10 characters).', {
      fields: { message: ['Write what you need from the requester'] },
    });
  if (message.length > 5000)
    throw new AppError('INVALID_INPUT', 'The message must be at most 5,000 characters.', {
      fields: { message: ['At most 5,000 characters'] },
    });
  return db().$transaction(async (tx) => {
    const { request, nextStatus } = await lockRequestFor(tx, options.requestId, 'askRequester');
    await tx.privacyRequest.update({
      where: { id: request.id },
      data: { status: nextStatus, assigneeId: request.assigneeId ?? staff.id },
    });
    await tx.requesterMessage.create({
      data: { requestId: request.id, direction: 'to_requester', body: message, staffId: staff.id },
    });
    const actor = { type: 'staff' as const, id: staff.id };
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'request.asked_requester',
      actor,
      summary:
        options.reason === 'awaiting_identity'
          ? 'We asked you to confirm your identity'
          : 'We asked you for more information',
      data: { reason: options.reason },
    });
    const pause = await pauseClock(tx, { requestId: request.id, reason: options.reason, actor, now: options.now });
    await enqueueEmail(tx, {
      template: 'requester-message',
      to: request.email,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        message,
        clockPaused: pause.paused,
        statusUrl: publicLinks.statusOf(request),
      },
    });
    return { clockPaused: pause.paused, pauseRefusal: pause.refusal };
  });
}
