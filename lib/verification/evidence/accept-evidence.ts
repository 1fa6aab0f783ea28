import { recordAuditEvent } from '../../audit/record-audit-event';
import { db } from '../../db';
import { AppError } from '../../errors';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { VERIFICATION_LEVEL_LABELS } from '../levels';
import { recordVerificationCheck } from '../record-verification-check';
import { lockUndecidedEvidence, scheduleEvidenceDeletion } from './lock-undecided-evidence';

export type EvidenceLevel = 'reasonable' | 'high';

/**
 * A reviewer accepts an identity document at the certainty it gives: the `evidence` check records the
 * level (lib/verification/levels.ts), which may release work or the data package, and end a pause
 * staff started by asking for stronger proof (lib/verification/on-level-raised.ts). The file is then
 * kept only EVIDENCE_RETENTION_DAYS.
 */
export async function acceptEvidence(options: {
  staff: StaffIdentity | null;
  evidenceId: string;
  level: EvidenceLevel;
  now?: Date;
}) {
  const staff = authorize(options.staff, 'evidence.review');
  if (options.level !== 'reasonable' && options.level !== 'high')
    throw new AppError('INVALID_INPUT', 'Choose the certainty the document gives.', {
      fields: { level: ['Reasonable or high'] },
    });
  const now = options.now ?? new Date();
  return db().$transaction(async (tx) => {
    const evidence = await lockUndecidedEvidence(tx, options.evidenceId);
    const deleteAfter = await scheduleEvidenceDeletion(tx, evidence.id, now);
    await tx.identityEvidence.update({
      where: { id: evidence.id },
      data: { decision: 'accepted', decisionLevel: options.level, decidedById: staff.id, decidedAt: now, deleteAfter },
    });
    const actor = { type: 'staff' as const, id: staff.id };
    await recordAuditEvent(tx, {
      requestId: evidence.requestId,
      action: 'evidence.accepted',
      actor,
      summary: `We accepted the ${evidence.kind === 'declaration' ? 'declaration' : 'document'} you sent as proof of your identity`,
      data: { evidenceId: evidence.id, level: options.level },
    });
    const raised = await recordVerificationCheck(tx, {
      requestId: evidence.requestId,
      method: 'evidence',
      level: options.level,
      detail: { evidenceId: evidence.id, accepted: VERIFICATION_LEVEL_LABELS[options.level] },
      actor,
      now,
    });
    return { ...raised, deleteAfter };
  });
}
