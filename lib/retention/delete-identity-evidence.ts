import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { env } from '../env';
import { deleteObject } from '../storage/storage';

const BATCH = 500;

/**
 * The `delete-identity-evidence` job: EVIDENCE_RETENTION_DAYS after staff decided on an identity
 * document, its file goes from storage. The row stays, without the file, as the record of the
 * decision (and of a rejection's reason the requester reads) until the request itself is purged.
 */
export async function deleteIdentityEvidence(options: { evidenceId: string; now?: Date }) {
  const now = options.now ?? new Date();
  const evidence = await db().identityEvidence.findUnique({
    where: { id: options.evidenceId },
    include: { request: { select: { legalHoldAt: true } } },
  });
  // Under a legal hold the daily purge deletes it once the hold is lifted.
  if (!evidence?.storageKey || evidence.deletedAt || evidence.request.legalHoldAt) return false;
  if (!evidence.deleteAfter || evidence.deleteAfter > now) return false;
  await removeEvidenceFile(evidence, now, 'decision');
  return true;
}

async function removeEvidenceFile(
  evidence: { id: string; requestId: string; storageKey: string | null },
  now: Date,
  why: 'decision' | 'undecided',
) {
  if (evidence.storageKey) await deleteObject(evidence.storageKey);
  await db().$transaction(async (tx) => {
    await tx.identityEvidence.update({ where: { id: evidence.id }, data: { storageKey: null, deletedAt: now } });
    await recordAuditEvent(tx, {
      requestId: evidence.requestId,
      action: 'evidence.deleted',
      actor: { type: 'system' },
      data: { evidenceId: evidence.id, reason: why, retentionDays: env().EVIDENCE_RETENTION_DAYS },
    });
  });
}

/**
 * The daily purge's share (lib/retention/purge-expired-records.ts): every decided document past its
 * `deleteAfter` (should its job have been lost), and every document never decided whose request
 * closed more than EVIDENCE_RETENTION_DAYS ago. A legal hold keeps them.
 */
export async function purgeIdentityEvidence(now: Date): Promise<number> {
  const closedBefore = new Date(now.getTime() - env().EVIDENCE_RETENTION_DAYS * 86_400_000);
  let total = 0;
  for (;;) {
    const rows = await db().identityEvidence.findMany({
      where: {
        deletedAt: null,
        request: { legalHoldAt: null },
        OR: [{ deleteAfter: { lte: now } }, { decision: null, request: { closedAt: { lt: closedBefore } } }],
      },
      select: { id: true, requestId: true, storageKey: true, decision: true },
      take: BATCH,
    });
    for (const row of rows) await removeEvidenceFile(row, now, row.decision ? 'decision' : 'undecided');
    total += rows.length;
    if (rows.length < BATCH) return total;
  }
}
