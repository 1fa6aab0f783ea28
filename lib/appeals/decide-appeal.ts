import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { cancelSubjectDeadlineJobs, scheduleDeadlineJobs } from '../clock/schedule-deadline-jobs';
import { db } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { AppError } from '../errors';
import { publicLinks } from '../email/public-links';
import type { RequestType } from '../universal/codes';
import { formatReference } from '../universal/reference';
import { appealRejectedNotices } from './appeal-rules';

/**
 * An admin decides an appeal: `granted` reverses the denial (the request reopens, due by the appeal's
 * deadline), `rejected` keeps it. Never by the person who made the decision appealed. The requester
 * is told the outcome and the reasons, and, in a regime with an appeal step, where to complain (the authority in the rules).
 */
export async function decideAppeal(options: {
  staff: StaffIdentity | null;
  appealId: string;
  outcome: 'granted' | 'rejected';
  message: string;
  now?: Date;
}) {
  const staff = authorize(options.staff, 'appeals.decide');
  const message = options.message.trim();
  if (message.length < 10)
    throw new AppError('INVALID_INPUT', 'Write the reasons the requester will receive (at least 10 characters).', {
      fields: { message: ['Write the reasons'] },
    });
  if (message.length > 10_000)
    throw new AppError('INVALID_INPUT', 'The message must be at most 10,000 characters.', {
      fields: { message: ['At most 10,000 characters'] },
    });
  const now = options.now ?? new Date();
  await db().$transaction(async (tx) => {
    const appeal = await tx.requestAppeal.findUnique({ where: { id: options.appealId }, include: { request: true } });
    if (!appeal) throw new AppError('NOT_FOUND', 'There is no such appeal.');
    const { request } = appeal;
    if (request.decidedById === staff.id)
      throw new AppError(
        'FORBIDDEN',
        'An appeal must be decided by someone other than the person who made the decision appealed.',
      );
    const updated = await tx.requestAppeal.updateMany({
      where: { id: appeal.id, status: 'pending' },
      data: { status: options.outcome, decidedAt: now, decidedById: staff.id, outcomeMessage: message },
    });
    if (updated.count === 0) throw new AppError('CONFLICT', 'This appeal has already been decided.');
    await cancelSubjectDeadlineJobs(tx, { requestId: request.id, appealId: appeal.id });
    if (options.outcome === 'granted') {
      await tx.privacyRequest.update({
        where: { id: request.id },
        data: {
          status: 'in_progress',
          closedAt: null,
          decidedAt: null,
          decidedById: null,
          denialReason: null,
          partial: false,
          dueAt: appeal.dueAt,
        },
      });
      await scheduleDeadlineJobs(tx, { id: request.id, dueAt: appeal.dueAt }, now);
    }
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: options.outcome === 'granted' ? 'appeal.granted' : 'appeal.rejected',
      actor: { type: 'staff', id: staff.id },
      summary:
        options.outcome === 'granted'
          ? 'We decided your appeal in your favour and are working on your request again'
          : 'We decided your appeal: our decision stands; see our email for the reasons',
      data: { appealId: appeal.id, outcome: options.outcome },
    });
    await enqueueEmail(tx, {
      template: 'appeal-decided',
      to: request.email,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        outcome: options.outcome,
        message,
        notices:
          options.outcome === 'rejected'
            ? appealRejectedNotices({ ...request, types: request.types as RequestType[] })
            : [],
        statusUrl: publicLinks.statusOf(request),
      },
    });
  });
}
