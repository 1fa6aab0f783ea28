import { consumeRateLimit } from '../abuse/rate-limit';
import { recordAuditEvent } from '../audit/record-audit-event';
import { scheduleComplaintDeadlineJobs } from '../clock/schedule-deadline-jobs';
import { db } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { publicLinks } from '../email/public-links';
import { AppError } from '../errors';
import { formatReference } from '../universal/reference';
import { findRequestByStatusToken } from '../verification/find-request-by-status-token';
import { complaintDeadlines } from './complaint-rules';

/** Open complaints one request may have at once: enough for anyone, too few to flood the team. */
export const MAX_OPEN_COMPLAINTS = 3;

/**
 * The requester complains about our processing from the status page (UK DPA 2018 s.164A; offered in
 * every regime). The complaint is stored with its own clock, acknowledged at once by email (s.164A(3)),
 * and its outcome deadline gets reminders and escalation on the job queue, like a request's.
 */
export async function submitComplaint(options: {
  requestId: string;
  token: string;
  statement: string;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  const statement = options.statement.trim();
  if (statement.length < 10)
    throw new AppError('INVALID_INPUT', 'Tell us what your complaint is about (at least 10 characters).', {
      fields: { statement: ['Tell us what your complaint is about'] },
    });
  if (statement.length > 5000)
    throw new AppError('INVALID_INPUT', 'Your complaint must be at most 5,000 characters.', {
      fields: { statement: ['At most 5,000 characters'] },
    });
  await consumeRateLimit('complaint-ip', options.ip);
  return db().$transaction(async (tx) => {
    const request = await findRequestByStatusToken(options.requestId, options.token, tx, options.ip);
    if (request.purgedAt) throw new AppError('NOT_FOUND', 'This status link is not valid.');
    await tx.$executeRaw`SELECT 1 FROM privacy_request WHERE id = ${request.id}::uuid FOR NO KEY UPDATE`;
    const open = await tx.requestComplaint.count({ where: { requestId: request.id, resolvedAt: null } });
    if (open >= MAX_OPEN_COMPLAINTS)
      throw new AppError('CONFLICT', 'You already have complaints we are looking into; we will answer them first.');
    const deadlines = complaintDeadlines(request.jurisdiction, now);
    const complaint = await tx.requestComplaint.create({
      data: {
        requestId: request.id,
        jurisdiction: request.jurisdiction,
        statement,
        receivedAt: now,
        acknowledgeBy: deadlines.acknowledgeBy,
        // The acknowledgement leaves with this transaction, through the outbox and its retries.
        acknowledgedAt: now,
        respondBy: deadlines.respondBy,
      },
    });
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'complaint.received',
      actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
      summary: 'We received your complaint and sent you an acknowledgement',
      data: { complaintId: complaint.id, respondBy: deadlines.respondBy.toISOString() },
    });
    await scheduleComplaintDeadlineJobs(
      tx,
      { id: complaint.id, requestId: request.id, respondBy: deadlines.respondBy },
      now,
    );
    await enqueueEmail(tx, {
      template: 'complaint-received',
      to: request.email,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        receivedAt: now,
        respondBy: deadlines.respondBy,
        timeZone: deadlines.timeZone,
        authority: deadlines.rule.authorityNotice,
        statusUrl: publicLinks.statusOf(request),
      },
    });
    return { id: complaint.id, acknowledgeBy: deadlines.acknowledgeBy, respondBy: deadlines.respondBy };
  });
}
