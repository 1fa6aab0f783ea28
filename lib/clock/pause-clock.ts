import type { Actor } from '../audit/record-audit-event';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Tx } from '../db';
import { AppError } from '../errors';
import { cancelDeadlineJobs } from './schedule-deadline-jobs';
import { requestRules } from './request-deadline';

export type PauseReason = 'awaiting_identity' | 'awaiting_clarification';

/**
 * Stops the legal clock while we wait on the requester, where every rule of the request allows it
 * (UK Art. 12A, EU practice; never California). Returns whether the clock actually stopped: where
 * the regime does not allow it, the request still waits, but its deadline keeps running.
 * Runs in the caller's transaction (the staff action that asked the requester something).
 */
export async function pauseClock(
  tx: Tx,
  options: { requestId: string; reason: PauseReason; actor: Actor; now?: Date },
): Promise<boolean> {
  const now = options.now ?? new Date();
  const request = await tx.privacyRequest.findUniqueOrThrow({
    where: { id: options.requestId },
    include: { pauses: { where: { endedAt: null } } },
  });
  if (request.pauses.length > 0) throw new AppError('CONFLICT', 'The clock of this request is already paused.');
  if (!requestRules(request).every((rule) => rule.pauseAllowed)) {
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'clock.pause_not_allowed',
      actor: options.actor,
      data: { reason: options.reason, jurisdiction: request.jurisdiction },
    });
    return false;
  }
  await tx.clockPause.create({ data: { requestId: request.id, reason: options.reason, startedAt: now } });
  await cancelDeadlineJobs(tx, request.id);
  await recordAuditEvent(tx, {
    requestId: request.id,
    action: 'clock.paused',
    actor: options.actor,
    summary: 'The deadline is paused until we hear from you',
    data: { reason: options.reason },
  });
  return true;
}
