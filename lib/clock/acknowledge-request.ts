import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { addJob, type JobRequest } from '../queue/add-job';
import { OPEN_STATUSES } from '../universal/codes';
import { formatReference } from '../universal/reference';
import { requestDeadline } from './request-deadline';
import { deadlineJobKey } from './schedule-deadline-jobs';

/** The job that confirms receipt where the regime sets a deadline for it (US-CA); null elsewhere. */
export function acknowledgementJob(requestId: string, acknowledgeBy: Date | null) {
  if (!acknowledgeBy) return null;
  // A day before the legal limit, so that a slow email provider cannot make us late.
  const runAt = new Date(acknowledgeBy.getTime() - 86_400_000);
  return {
    name: 'acknowledge-request' as const,
    payload: { requestId },
    runAt,
    jobKey: deadlineJobKey.acknowledge(requestId),
  } satisfies JobRequest;
}

/** Where the regime sets an acknowledgement deadline (US-CA), schedules the job that meets it. */
export async function scheduleAcknowledgement(tx: Tx, request: Parameters<typeof requestDeadline>[0] & { id: string }) {
  const job = acknowledgementJob(request.id, requestDeadline(request).acknowledgeBy);
  if (job) await addJob(tx, job.name, job.payload, { runAt: job.runAt, jobKey: job.jobKey });
}

/**
 * The `acknowledge-request` job: confirms receipt, saying how verification works and when to expect
 * an answer, unless the requester was already told (the receipt email on verification does that).
 */
export async function acknowledgeRequest(options: { requestId: string; now?: Date }) {
  const now = options.now ?? new Date();
  await db().$transaction(async (tx) => {
    const request = await tx.privacyRequest.findUnique({ where: { id: options.requestId }, include: { pauses: true } });
    if (!request || request.acknowledgedAt || !OPEN_STATUSES.includes(request.status)) return;
    const claimed = await tx.privacyRequest.updateMany({
      where: { id: request.id, acknowledgedAt: null },
      data: { acknowledgedAt: now },
    });
    if (claimed.count === 0) return;
    const deadline = requestDeadline(request, now);
    await enqueueEmail(tx, {
      template: 'request-acknowledged',
      to: request.email,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        receivedAt: request.receivedAt,
        dueAt: request.dueAt,
        timeZone: deadline.timeZone,
      },
    });
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'request.acknowledged',
      actor: { type: 'system' },
      summary: 'We confirmed that we received the request',
    });
  });
}
