import type { Actor } from '../audit/record-audit-event';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Tx } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { AppError } from '../errors';
import { formatPublicDate } from '../deadlines/zoned-day';
import { publicLinks } from '../email/public-links';
import { formatReference } from '../universal/reference';
import { ACTIVE_CLOCK_STATUSES } from './clock-statuses';
import { requestDeadline, requestRules } from './request-deadline';
import { scheduleDeadlineJobs } from './schedule-deadline-jobs';

/**
 * Takes the regime's extension, once: for the open types whose law provides one, only before their
 * first due date has passed, and with a reason, which the requester receives with the new date (the notice
 * GDPR Art. 12(3), CCPA §7021(b) and PIPEDA s.8(4) require). Runs in the caller's transaction.
 */
export async function extendDeadline(tx: Tx, options: { requestId: string; reason: string; actor: Actor; now?: Date }) {
  const now = options.now ?? new Date();
  const reason = options.reason.trim();
  if (reason.length < 10)
    throw new AppError('INVALID_INPUT', 'Give the requester a reason for the extension (at least 10 characters).', {
      fields: { reason: ['Explain why more time is needed'] },
    });
  const request = await tx.privacyRequest.findUniqueOrThrow({
    where: { id: options.requestId },
    include: { pauses: true },
  });
  if (!ACTIVE_CLOCK_STATUSES.includes(request.status) && request.status !== 'awaiting_requester') {
    throw new AppError('CONFLICT', 'Only an open, verified request can be extended.');
  }
  if (request.extendedAt)
    throw new AppError('CONFLICT', 'This deadline has already been extended; the law allows one extension.');
  const current = requestDeadline(request, now);
  const extended = requestDeadline({ ...request, extendedAt: now }, now);
  // The extension moves each open type whose law has one; the others (a California opt-out) keep theirs.
  const moved = extended.types.filter((d, i) => !d.completed && d.dueAt > current.types[i].dueAt);
  if (moved.length === 0)
    throw new AppError('CONFLICT', `The rules of ${request.jurisdiction} allow no extension for this request.`);
  const before = (type: string) => current.types.find((d) => d.requestType === type)!;
  if (moved.some((d) => now > before(d.requestType).dueAt))
    throw new AppError(
      'CONFLICT',
      'The deadline has passed: an extension must be notified before the original due date.',
    );
  // What the requester is told: the clock the extension moves first, before and after.
  const shown = moved.reduce((earliest, d) => (d.dueAt < earliest.dueAt ? d : earliest));

  await tx.privacyRequest.update({
    where: { id: request.id },
    data: { extendedAt: now, extensionReason: reason, dueAt: extended.dueAt },
  });
  if (request.status !== 'awaiting_requester' || !request.pauses.some((p) => !p.endedAt)) {
    await scheduleDeadlineJobs(tx, { id: request.id, dueAt: extended.dueAt }, now);
  }
  const zone = extended.timeZone;
  await recordAuditEvent(tx, {
    requestId: request.id,
    action: 'deadline.extended',
    actor: options.actor,
    summary: `We need more time; we will answer by ${formatPublicDate(shown.dueAt, zone)}`,
    data: {
      reason,
      types: moved.map((d) => d.requestType),
      previousDueAt: before(shown.requestType).dueAt.toISOString(),
      dueAt: shown.dueAt.toISOString(),
      requestDueAt: extended.dueAt.toISOString(),
      explanation: shown.explanation,
    },
  });
  await enqueueEmail(tx, {
    template: 'deadline-extended',
    to: request.email,
    requestId: request.id,
    props: {
      brand: brand(),
      reference: formatReference(request.number, request.receivedAt),
      reason,
      previousDueAt: before(shown.requestType).dueAt,
      newDueAt: shown.dueAt,
      timeZone: zone,
      authority: requestRules(request)[0].authority,
      statusUrl: publicLinks.statusOf(request),
    },
  });
  return extended;
}
