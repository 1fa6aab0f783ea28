import type { Actor } from '../audit/record-audit-event';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Tx } from '../db';
import { formatPublicDate } from '../deadlines/zoned-day';
import { requestDeadline } from './request-deadline';
import { scheduleDeadlineJobs } from './schedule-deadline-jobs';

/**
 * Restarts a paused clock (the requester answered, or staff resumed it): the due date moves by the
 * whole days paused, and reminders are rescheduled. Does nothing when the clock was not paused.
 * Runs in the caller's transaction.
 */
export async function resumeClock(tx: Tx, options: { requestId: string; actor: Actor; now?: Date }) {
  const now = options.now ?? new Date();
  const ended = await tx.clockPause.updateMany({
    where: { requestId: options.requestId, endedAt: null },
    data: { endedAt: now },
  });
  if (ended.count === 0) return null;
  const request = await tx.privacyRequest.findUniqueOrThrow({
    where: { id: options.requestId },
    include: { pauses: true },
  });
  const deadline = requestDeadline(request, now);
  await tx.privacyRequest.update({ where: { id: request.id }, data: { dueAt: deadline.dueAt } });
  await scheduleDeadlineJobs(tx, { id: request.id, dueAt: deadline.dueAt }, now);
  await recordAuditEvent(tx, {
    requestId: request.id,
    action: 'clock.resumed',
    actor: options.actor,
    summary: `The deadline runs again; we will answer by ${formatPublicDate(deadline.dueAt, deadline.timeZone)}`,
    data: {
      previousDueAt: request.dueAt.toISOString(),
      dueAt: deadline.dueAt.toISOString(),
      pausedDays: deadline.pausedDays,
      explanation: deadline.explanation,
    },
  });
  return deadline;
}
