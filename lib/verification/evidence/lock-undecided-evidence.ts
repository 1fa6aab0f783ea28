import type { Tx } from '../../db';
import { env } from '../../env';
import { AppError } from '../../errors';
import { addJob } from '../../queue/add-job';
import { isUuid } from '../../uuid';

/** The document a reviewer decides on, locked: it must still wait for a decision and have its file. */
export async function lockUndecidedEvidence(tx: Tx, evidenceId: string) {
  if (!isUuid(evidenceId)) throw new AppError('NOT_FOUND', 'No such document.');
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM identity_evidence WHERE id = ${evidenceId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new AppError('NOT_FOUND', 'No such document.');
  const evidence = await tx.identityEvidence.findUniqueOrThrow({
    where: { id: evidenceId },
    include: { request: true },
  });
  if (evidence.decision) throw new AppError('CONFLICT', `This document was already ${evidence.decision}.`);
  if (!evidence.storageKey || evidence.request.purgedAt) throw new AppError('GONE', 'This document was deleted.');
  return evidence;
}

/** A decided document's file goes EVIDENCE_RETENTION_DAYS later (lib/retention/delete-identity-evidence.ts). */
export async function scheduleEvidenceDeletion(tx: Tx, evidenceId: string, decidedAt: Date) {
  const deleteAfter = new Date(decidedAt.getTime() + env().EVIDENCE_RETENTION_DAYS * 86_400_000);
  await addJob(
    tx,
    'delete-identity-evidence',
    { evidenceId },
    { runAt: deleteAfter, jobKey: `delete-evidence:${evidenceId}` },
  );
  return deleteAfter;
}
