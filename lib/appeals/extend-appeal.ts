import { recordAuditEvent } from '../audit/record-audit-event';
import { scheduleAppealDeadlineJobs } from '../clock/schedule-deadline-jobs';
import { db } from '../db';
import { formatPublicDate } from '../deadlines/zoned-day';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { publicLinks } from '../email/public-links';
import { AppError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import type { RequestType } from '../universal/codes';
import { formatReference } from '../universal/reference';
import { appealDeadline, appealRule } from './appeal-rules';

/**
 * An admin takes the regime's one extension of a pending appeal's decision period (Colorado: 60 more
 * days, C.R.S. 6-1-1306(3)(b)), with reasons the requester receives with the new date. Refused where
 * the regime has no extension (Virginia), once taken, and after the first decision period has
 * passed, since the notice must come within it. The audit event, the new deadline jobs and the
 * email are written in the same transaction.
 */
export async function extendAppeal(options: {
  staff: StaffIdentity | null;
  appealId: string;
  reason: string;
  now?: Date;
}) {
  const staff = authorize(options.staff, 'appeals.extend');
  const reason = options.reason.trim();
  if (reason.length < 10)
    throw new AppError('INVALID_INPUT', 'Give the requester the reasons for the extension (at least 10 characters).', {
      fields: { reason: ['Explain why more time is needed'] },
    });
  if (reason.length > 2000)
    throw new AppError('INVALID_INPUT', 'The reasons must be at most 2,000 characters.', {
      fields: { reason: ['At most 2,000 characters'] },
    });
  const now = options.now ?? new Date();
  return db().$transaction(async (tx) => {
    const appeal = await tx.requestAppeal.findUnique({ where: { id: options.appealId }, include: { request: true } });
    if (!appeal) throw new AppError('NOT_FOUND', 'There is no such appeal.');
    await tx.$executeRaw`SELECT 1 FROM request_appeal WHERE id = ${appeal.id}::uuid FOR UPDATE`;
    const { request } = appeal;
    const regime = {
      jurisdiction: request.jurisdiction,
      types: request.types as RequestType[],
      receivedAt: request.receivedAt,
    };
    if (!appealRule(regime).extension)
      throw new AppError('CONFLICT', `The law of ${request.jurisdiction} allows no extension of an appeal's decision.`);
    if (now > appeal.dueAt)
      throw new AppError('CONFLICT', 'The decision period has passed: an extension must be notified within it.');
    const extended = appealDeadline(regime, appeal.receivedAt, { extended: true });
    const updated = await tx.requestAppeal.updateMany({
      where: { id: appeal.id, status: 'pending', extendedAt: null },
      data: { extendedAt: now, extensionReason: reason, dueAt: extended.dueAt },
    });
    if (updated.count === 0)
      throw new AppError(
        'CONFLICT',
        appeal.status !== 'pending'
          ? 'This appeal has already been decided.'
          : 'This appeal has already been extended; the law allows one extension.',
      );
    await scheduleAppealDeadlineJobs(tx, { id: appeal.id, requestId: request.id, dueAt: extended.dueAt }, now);
    const zone = extended.timeZone;
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'appeal.extended',
      actor: { type: 'staff', id: staff.id },
      summary: `We need more time to decide your appeal; we will decide by ${formatPublicDate(extended.dueAt, zone)}`,
      data: {
        appealId: appeal.id,
        reason,
        previousDueAt: appeal.dueAt.toISOString(),
        dueAt: extended.dueAt.toISOString(),
        explanation: extended.explanation,
      },
    });
    await enqueueEmail(tx, {
      template: 'appeal-extended',
      to: request.email,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        reason,
        previousDecideBy: appeal.dueAt,
        newDecideBy: extended.dueAt,
        timeZone: zone,
        authority: appealRule(regime).authority,
        statusUrl: publicLinks.statusOf(request),
      },
    });
    return { dueAt: extended.dueAt };
  });
}
