import type { Actor } from '../audit/record-audit-event';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Tx } from '../db';
import { type PauseReason, PAUSE_REASONS } from '../deadlines';
import { AppError } from '../errors';
import { cancelDeadlineJobs } from './schedule-deadline-jobs';
import { type ClockedRequest, openTypes, requestRules } from './request-deadline';

export type { PauseReason };

export type PauseOutcome = { paused: true; refusal: null } | { paused: false; refusal: string };

const REASON_NOUNS: Record<PauseReason, string> = {
  awaiting_identity: 'Waiting for proof of identity',
  awaiting_clarification: 'Waiting for a clarification',
};

/**
 * Why waiting for `reason` may not stop this request's clock, or null when it may: every open type's
 * rule must allow that reason (`pauses` in lib/deadlines/rules.ts), since the reminders and the due
 * date the request shows follow its nearest clock. The sentence, with its source, is shown to staff.
 */
export function pauseRefusal(
  request: Pick<ClockedRequest, 'jurisdiction' | 'types' | 'completedTypes'>,
  reason: PauseReason,
): string | null {
  const rules = requestRules({ jurisdiction: request.jurisdiction, types: openTypes(request) });
  const refusing = rules.find((rule) => !rule.pauses[reason].allowed);
  if (!refusing) return null;
  return `${REASON_NOUNS[reason]} does not stop the clock of ${refusing.requestType} requests in ${refusing.jurisdiction}: ${refusing.pauses[reason].source}`;
}

/** Per reason, whether it would stop this request's clock and why not: for the staff page. */
export function pauseOptions(request: Pick<ClockedRequest, 'jurisdiction' | 'types' | 'completedTypes'>) {
  return PAUSE_REASONS.map((reason) => ({ reason, refusal: pauseRefusal(request, reason) }));
}

/**
 * Stops the legal clock while we wait on the requester, for a reason every open type's rule allows
 * (UK: identity always, clarification for access only; EU: identity only; never California). A
 * refused pause creates no pause: the request still waits, but its deadline keeps running, and the
 * refusal (with its source) is audited and returned for staff. Runs in the caller's transaction.
 */
export async function pauseClock(
  tx: Tx,
  options: { requestId: string; reason: PauseReason; actor: Actor; now?: Date },
): Promise<PauseOutcome> {
  const now = options.now ?? new Date();
  const request = await tx.privacyRequest.findUniqueOrThrow({
    where: { id: options.requestId },
    include: { pauses: { where: { endedAt: null } } },
  });
  if (request.pauses.length > 0) throw new AppError('CONFLICT', 'The clock of this request is already paused.');
  const refusal = pauseRefusal(request, options.reason);
  if (refusal) {
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'clock.pause_not_allowed',
      actor: options.actor,
      data: { reason: options.reason, jurisdiction: request.jurisdiction, refusal },
    });
    return { paused: false, refusal };
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
  return { paused: true, refusal: null };
}
