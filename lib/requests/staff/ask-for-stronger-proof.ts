import { recordAuditEvent } from '../../audit/record-audit-event';
import { pauseClock } from '../../clock/pause-clock';
import { db } from '../../db';
import { brand, enqueueEmail } from '../../email/enqueue-email';
import { publicLinks } from '../../email/public-links';
import { AppError } from '../../errors';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { formatReference } from '../../universal/reference';
import { requiredVerification } from '../../verification/level-rules';
import { meetsLevel, VERIFICATION_LEVEL_LABELS } from '../../verification/levels';
import { lockRequestFor } from './lock-request';

/**
 * Staff have reasonable doubts about the requester's identity and ask for stronger proof (GDPR
 * Art. 12(6); 11 CCR §7062 lets a business ask for more where the risk calls for it). The request's
 * `verificationRequired` rises to the level asked, with the reason the requester reads; the request
 * waits for the requester, its clock paused where the regime allows it (lib/clock/pause-clock.ts), until
 * any method reaches the level (lib/verification/on-level-raised.ts). The requester gets an email with
 * the status link.
 */
export async function askForStrongerProof(options: {
  staff: StaffIdentity | null;
  requestId: string;
  level: 'reasonable' | 'high';
  reason: string;
  now?: Date;
}) {
  const staff = authorize(options.staff, 'requests.work');
  const reason = options.reason.trim();
  if (reason.length < 10 || reason.length > 2000)
    throw new AppError('INVALID_INPUT', 'Say why you doubt the requester’s identity, in 10 to 2,000 characters.', {
      fields: { reason: ['Between 10 and 2,000 characters'] },
    });
  if (options.level !== 'reasonable' && options.level !== 'high')
    throw new AppError('INVALID_INPUT', 'Choose the level of proof to ask for.', { fields: { level: ['Choose one'] } });
  const now = options.now ?? new Date();
  return db().$transaction(async (tx) => {
    const { request, nextStatus } = await lockRequestFor(tx, options.requestId, 'askForProof');
    const required = requiredVerification(request).beforeDisclosure;
    if (meetsLevel(required, options.level))
      throw new AppError(
        'CONFLICT',
        `This request already needs "${VERIFICATION_LEVEL_LABELS[required]}": ask for a higher level, or ask the requester a question instead.`,
      );
    if (meetsLevel(request.verificationLevel, options.level))
      throw new AppError(
        'CONFLICT',
        `The requester has already proven "${VERIFICATION_LEVEL_LABELS[request.verificationLevel]}".`,
      );
    await tx.privacyRequest.update({
      where: { id: request.id },
      data: {
        status: nextStatus,
        verificationRequired: options.level,
        verificationRequiredReason: reason,
        verificationRequiredAt: now,
        assigneeId: request.assigneeId ?? staff.id,
      },
    });
    const actor = { type: 'staff' as const, id: staff.id };
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'verification.stronger_proof_asked',
      actor,
      summary: `We asked you for stronger proof of your identity (${VERIFICATION_LEVEL_LABELS[options.level].toLowerCase()})`,
      data: { level: options.level, previousRequired: required, previousStatus: request.status, status: nextStatus },
    });
    const { paused: clockPaused } = await pauseClock(tx, {
      requestId: request.id,
      reason: 'awaiting_identity',
      actor,
      now,
    });
    await enqueueEmail(tx, {
      template: 'stronger-proof-requested',
      to: request.email,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        level: options.level,
        reason,
        clockPaused,
        statusUrl: publicLinks.statusOf(request),
      },
    });
    return { clockPaused };
  });
}
