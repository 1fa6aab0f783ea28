import { recordAuditEvent } from '../../audit/record-audit-event';
import { db } from '../../db';
import { AppError } from '../../errors';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { getObject } from '../../storage/storage';
import { formatReference } from '../../universal/reference';
import { isUuid } from '../../uuid';
import { EVIDENCE_TYPES, type EvidenceContentType } from './evidence-file-type';

/**
 * A reviewer opens an uploaded identity document: decrypted as a stream, for a download that is never
 * cached. Every opening is audited (who, when, from where) before a byte leaves.
 */
export async function openEvidence(options: {
  staff: StaffIdentity | null;
  evidenceId: string;
  ip?: string | null;
  userAgent?: string | null;
}) {
  const staff = authorize(options.staff, 'evidence.review');
  const evidence = isUuid(options.evidenceId)
    ? await db().identityEvidence.findUnique({ where: { id: options.evidenceId }, include: { request: true } })
    : null;
  if (!evidence) throw new AppError('NOT_FOUND', 'No such document.');
  if (!evidence.storageKey) throw new AppError('GONE', 'This document was deleted after its retention period.');
  await recordAuditEvent(db(), {
    requestId: evidence.requestId,
    action: 'evidence.viewed',
    actor: { type: 'staff', id: staff.id, ip: options.ip, userAgent: options.userAgent },
    data: { evidenceId: evidence.id },
  });
  const reference = formatReference(evidence.request.number, evidence.request.receivedAt);
  const extension = EVIDENCE_TYPES[evidence.contentType as EvidenceContentType] ?? 'bin';
  return {
    stream: getObject(evidence.storageKey),
    contentType: evidence.contentType,
    size: evidence.size,
    fileName: `${reference}-evidence-${evidence.id.slice(0, 8)}.${extension}`,
  };
}
