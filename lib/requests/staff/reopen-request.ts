import { recordAuditEvent } from '../../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { scheduleDeadlineJobs } from '../../clock/schedule-deadline-jobs';
import { db } from '../../db';
import { AppError } from '../../errors';
import { lockRequestFor } from './lock-request';

/** An admin reopens a completed or denied request (a mistake, a late reply); the reason is audited. */
export async function reopenRequest(options: { staff: StaffIdentity; requestId: string; reason: string }) {
  const staff = authorize(options.staff, 'requests.admin');
  const reason = options.reason.trim();
  if (reason.length < 5)
    throw new AppError('INVALID_INPUT', 'Say why the request is reopened.', { fields: { reason: ['Say why'] } });
  await db().$transaction(async (tx) => {
    const { request, nextStatus } = await lockRequestFor(tx, options.requestId, 'reopen');
    // Work starts only on a request whose email was proven; one closed unconfirmed is filed again.
    if (!request.verifiedAt)
      throw new AppError(
        'CONFLICT',
        'This request was closed because its email address was never confirmed, so it cannot be reopened. The requester can make a new request.',
      );
    await tx.privacyRequest.update({
      where: { id: request.id },
      data: { status: nextStatus, closedAt: null, decidedAt: null, decidedById: null },
    });
    await scheduleDeadlineJobs(tx, request);
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'request.reopened',
      actor: { type: 'staff', id: staff.id },
      summary: 'We reopened your request',
      data: { reason, previousStatus: request.status },
    });
  });
}
