import { type Actor, recordAuditEvent } from '../audit/record-audit-event';
import { resumeClock } from '../clock/resume-clock';
import type { Tx } from '../db';
import { formatReference } from '../universal/reference';
import { meetsLevel } from './levels';
import { notifyRequestStaff } from '../staff/notify-request-staff';

/**
 * What follows when a request's verification level rose, whatever the method that raised it (every
 * method reaches it through recordVerificationCheck, in the transaction that proved it). When staff
 * had asked for stronger proof (lib/requests/staff/ask-for-stronger-proof.ts) and the request is
 * waiting for it, reaching that level ends the wait: the request goes back to where it stood (in
 * progress, or verified and waiting for Start), the paused clock runs again, and the assignee (or the
 * admins) are told.
 * A question staff asked after the proof keeps the request waiting for its answer.
 */
export async function onLevelRaised(tx: Tx, options: { requestId: string; actor: Actor; now?: Date }) {
  const now = options.now ?? new Date();
  const request = await tx.privacyRequest.findUniqueOrThrow({ where: { id: options.requestId } });
  if (
    request.status !== 'awaiting_requester' ||
    !request.verificationRequired ||
    !request.verificationRequiredAt ||
    !meetsLevel(request.verificationLevel, request.verificationRequired)
  )
    return { proofReached: false };
  const laterQuestion = await tx.requesterMessage.count({
    where: { requestId: request.id, direction: 'to_requester', createdAt: { gt: request.verificationRequiredAt } },
  });
  if (laterQuestion > 0) return { proofReached: false };

  // Back to where the request stood when staff asked: a request not yet started waits for Start,
  // which creates its tasks (the status machine's `proofReachedBeforeStart`), otherwise `proofReached`.
  const asked = await tx.auditEvent.findFirst({
    where: { requestId: request.id, action: 'verification.stronger_proof_asked' },
    orderBy: { id: 'desc' },
    select: { data: true },
  });
  const askedFrom = (asked?.data as { previousStatus?: string } | null)?.previousStatus;
  const status = askedFrom === 'verified' ? 'verified' : 'in_progress';
  await tx.privacyRequest.update({ where: { id: request.id }, data: { status } });
  await recordAuditEvent(tx, {
    requestId: request.id,
    action: 'verification.proof_reached',
    actor: options.actor,
    summary: 'You proved your identity as we asked; we are going on with your request',
    data: { level: request.verificationLevel, previousStatus: request.status, status },
  });
  await resumeClock(tx, { requestId: request.id, actor: options.actor, now });
  await notifyRequestStaff(tx, request, {
    heading: `Identity proven on ${formatReference(request.number, request.receivedAt)}`,
    body: 'The requester reached the level of proof you asked for: you can go on with the request.',
  });
  return { proofReached: true };
}
