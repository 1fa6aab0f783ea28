import type { Prisma } from '../generated/prisma/client';
import { type Actor, recordAuditEvent } from '../audit/record-audit-event';
import type { Tx } from '../db';
import {
  levelFromChecks,
  meetsLevel,
  VERIFICATION_LEVEL_LABELS,
  VERIFICATION_METHOD_LABELS,
  type VerificationLevel,
  type VerificationMethod,
} from './levels';
import { onLevelRaised } from './on-level-raised';

export type NewVerificationCheck = {
  requestId: string;
  method: VerificationMethod;
  points?: number;
  level?: VerificationLevel;
  /** Non-personal detail only: never an answer, a document or an address. */
  detail?: Prisma.InputJsonValue;
  actor: Actor;
  now?: Date;
};

/**
 * Records a method of proof that succeeded, in the caller's transaction, and brings the request's
 * level up to what all its checks reach together. Audited: the requester sees the method on their
 * timeline, staff see the level. Returns the level before and after.
 */
export async function recordVerificationCheck(tx: Tx, check: NewVerificationCheck) {
  const now = check.now ?? new Date();
  await tx.verificationCheck.create({
    data: {
      requestId: check.requestId,
      method: check.method,
      points: check.points ?? null,
      level: check.level ?? null,
      detail: check.detail,
      staffId: check.actor.type === 'staff' ? check.actor.id : null,
      createdAt: now,
    },
  });
  const checks = await tx.verificationCheck.findMany({
    where: { requestId: check.requestId },
    select: { method: true, points: true, level: true },
  });
  const before = await tx.privacyRequest.findUniqueOrThrow({
    where: { id: check.requestId },
    select: { verificationLevel: true },
  });
  const level = levelFromChecks(checks);
  if (level !== before.verificationLevel) {
    await tx.privacyRequest.update({ where: { id: check.requestId }, data: { verificationLevel: level } });
  }
  const raised = !meetsLevel(before.verificationLevel, level);
  // The email link has its own event (`request.verified`); every other method is told here.
  if (check.method === 'email_link') return { before: before.verificationLevel, level };
  await recordAuditEvent(tx, {
    requestId: check.requestId,
    action: 'verification.check_succeeded',
    actor: check.actor,
    summary: `Identity check passed: ${VERIFICATION_METHOD_LABELS[check.method].toLowerCase()} (${VERIFICATION_LEVEL_LABELS[level].toLowerCase()})`,
    data: { method: check.method, points: check.points ?? null, level, previousLevel: before.verificationLevel },
  });
  if (raised) await onLevelRaised(tx, { requestId: check.requestId, actor: check.actor, now });
  return { before: before.verificationLevel, level };
}
