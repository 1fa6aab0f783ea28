import { recordVerificationCheck } from '../verification/record-verification-check';
import { recordAuditEvent } from '../audit/record-audit-event';
import { scheduleAppealDeadlineJobs } from '../clock/schedule-deadline-jobs';
import { db } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { AppError } from '../errors';
import { publicLinks } from '../email/public-links';
import { formatReference } from '../universal/reference';
import { findRequestByStatusToken } from '../verification/find-request-by-status-token';
import type { RequestType } from '../universal/codes';
import { appealDeadline, appealWindow } from './appeal-rules';

/**
 * The requester appeals a denial from the status page. The appeal is a record of its own, linked to
 * the request, with its own deadline (reminders and escalation like a request's); an admin other than
 * the one who denied decides it. The requester is told when to expect the outcome.
 */
export async function submitAppeal(options: {
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
    throw new AppError('INVALID_INPUT', 'Tell us why you disagree with our decision (at least 10 characters).', {
      fields: { statement: ['Tell us why you disagree'] },
    });
  if (statement.length > 5000)
    throw new AppError('INVALID_INPUT', 'Your appeal must be at most 5,000 characters.', {
      fields: { statement: ['At most 5,000 characters'] },
    });
  return db().$transaction(async (tx) => {
    const request = await findRequestByStatusToken(options.requestId, options.token, tx);
    await tx.$executeRaw`SELECT 1 FROM privacy_request WHERE id = ${request.id}::uuid FOR UPDATE`;
    if (await tx.requestAppeal.findFirst({ where: { requestId: request.id }, select: { id: true } })) {
      throw new AppError('CONFLICT', 'You have already appealed this decision.');
    }
    const window = appealWindow(request, now);
    if (!window.open) {
      throw new AppError(
        'CONFLICT',
        window.closesAt
          ? 'The time to appeal this decision has passed.'
          : 'This decision cannot be appealed on this page.',
      );
    }
    if (!request.verifiedAt) {
      // Closed because its email was not confirmed in time: the status link went only to that address,
      // so using it proves the mailbox as the verification link would have. Kept as the evidence, so
      // that a granted appeal reopens a request whose email is proven.
      await tx.privacyRequest.update({
        where: { id: request.id },
        data: {
          verifiedAt: now,
          verifiedIp: options.ip?.slice(0, 64) ?? null,
          verifiedUserAgent: options.userAgent?.slice(0, 512) ?? null,
        },
      });
      await recordVerificationCheck(tx, {
        requestId: request.id,
        method: 'email_link',
        actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
        detail: { via: 'appeal' },
        now,
      });
    }
    const deadline = appealDeadline(
      { jurisdiction: request.jurisdiction, types: request.types as RequestType[], receivedAt: request.receivedAt },
      now,
    );
    const appeal = await tx.requestAppeal.create({
      data: { requestId: request.id, statement, receivedAt: now, dueAt: deadline.dueAt },
    });
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'appeal.received',
      actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
      summary: 'We received your appeal',
      data: { appealId: appeal.id, dueAt: deadline.dueAt.toISOString() },
    });
    await scheduleAppealDeadlineJobs(tx, { id: appeal.id, requestId: request.id, dueAt: deadline.dueAt }, now);
    await enqueueEmail(tx, {
      template: 'appeal-received',
      to: request.email,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        receivedAt: now,
        decideBy: deadline.dueAt,
        timeZone: deadline.timeZone,
        statusUrl: publicLinks.statusOf(request),
      },
    });
    return { id: appeal.id, dueAt: deadline.dueAt };
  });
}
