import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { AppError } from '../errors';
import { removeJob } from '../queue/add-job';
import { cancelDeadlineJobs, deadlineJobKey } from '../clock/schedule-deadline-jobs';
import { findRequestByStatusToken } from '../verification/find-request-by-status-token';
import { OPEN_STATUSES } from '../universal/codes';
import { requestTimeZone } from '../clock/request-deadline';
import { formatReference } from '../universal/reference';

/** The requester withdraws their request from the status page. Confirmed by email; the clock stops. */
export async function withdrawRequest(options: {
  requestId: string;
  token: string;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  await db().$transaction(async (tx) => {
    const request = await findRequestByStatusToken(options.requestId, options.token, tx, options.ip);
    const updated = await tx.privacyRequest.updateMany({
      where: { id: request.id, status: { in: [...OPEN_STATUSES] } },
      data: { status: 'withdrawn', closedAt: now },
    });
    if (updated.count === 0)
      throw new AppError('CONFLICT', 'This request is already closed, so it cannot be withdrawn.');
    await removeJob(tx, `expire-unverified:${request.id}`);
    await removeJob(tx, deadlineJobKey.acknowledge(request.id));
    await cancelDeadlineJobs(tx, request.id);
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'request.withdrawn',
      actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
      summary: 'Withdrawn by the requester',
      data: { previousStatus: request.status },
    });
    await enqueueEmail(tx, {
      template: 'request-withdrawn',
      to: request.email,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        withdrawnAt: now,
        timeZone: requestTimeZone(request),
      },
    });
  });
}
