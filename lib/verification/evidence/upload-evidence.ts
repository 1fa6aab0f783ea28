import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { db } from '../../db';
import { env } from '../../env';
import { AppError } from '../../errors';
import type { EvidenceKind } from '../../generated/prisma/client';
import { deleteObject, putObject } from '../../storage/storage';
import { formatReference } from '../../universal/reference';
import { findRequestByStatusToken } from '../find-request-by-status-token';
import { verificationState } from '../verification-gate';
import { evidenceFileType } from './evidence-file-type';
import { evidenceKey, MAX_PENDING_EVIDENCE } from './evidence-key';
import { notifyRequestStaff } from '../../staff/notify-request-staff';

const WAITS_FOR_PROOF = ['verified', 'in_progress', 'awaiting_requester', 'completed'];

/**
 * The requester sends a document (or a signed declaration) to prove who they are, from their status
 * page. Its type is read from its bytes; it is stored encrypted under its own key, never in a data
 * package, and only reviewers open it (lib/verification/evidence/open-evidence.ts). Accepted only while
 * the request still needs more proof than it has, and with at most MAX_PENDING_EVIDENCE waiting.
 */
export async function uploadEvidence(options: {
  requestId: string;
  statusToken: string;
  kind: EvidenceKind;
  bytes: Uint8Array;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  const request = await findRequestByStatusToken(options.requestId, options.statusToken, db(), options.ip);
  const maxBytes = env().EVIDENCE_MAX_MB * 1024 * 1024;
  if (options.bytes.byteLength === 0)
    throw new AppError('INVALID_INPUT', 'Choose a file to send.', { fields: { file: ['Choose a file'] } });
  if (options.bytes.byteLength > maxBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', `The file must be at most ${env().EVIDENCE_MAX_MB} MB.`);
  const contentType = await evidenceFileType(options.bytes);
  if (!contentType)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send a PDF, JPEG or PNG file.', {
      fields: { file: ['A PDF, JPEG or PNG file'] },
    });
  assertNeedsProof(request);

  const id = randomUUID();
  const key = evidenceKey(request.id, id);
  const { size } = await putObject(key, Readable.from([Buffer.from(options.bytes)]));
  try {
    await db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM privacy_request WHERE id = ${request.id}::uuid FOR UPDATE`;
      const current = await tx.privacyRequest.findUniqueOrThrow({ where: { id: request.id } });
      assertNeedsProof(current);
      const pending = await tx.identityEvidence.count({
        where: { requestId: request.id, decision: null, deletedAt: null },
      });
      if (pending >= MAX_PENDING_EVIDENCE)
        throw new AppError(
          'CONFLICT',
          `We already have ${MAX_PENDING_EVIDENCE} documents from you to review. Please wait for our answer.`,
        );
      await tx.identityEvidence.create({
        data: { id, requestId: request.id, kind: options.kind, storageKey: key, contentType, size, uploadedAt: now },
      });
      await recordAuditEvent(tx, {
        requestId: request.id,
        action: 'evidence.uploaded',
        actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
        summary:
          options.kind === 'declaration'
            ? 'You sent a signed declaration; our team will review it'
            : 'You sent a document to prove your identity; our team will review it',
        data: { evidenceId: id, kind: options.kind, contentType, size },
      });
      await notifyRequestStaff(tx, current, {
        heading: `Identity evidence to review on ${formatReference(current.number, current.receivedAt)}`,
        body: 'The requester sent a document to prove who they are. Review it on the request page.',
      });
    });
  } catch (error) {
    await deleteObject(key);
    throw error;
  }
  return { evidenceId: id, contentType, size };
}

function assertNeedsProof(
  request: Parameters<typeof verificationState>[0] & { status: string; purgedAt: Date | null },
) {
  const state = verificationState(request);
  if (!WAITS_FOR_PROOF.includes(request.status) || request.purgedAt || state.readyForDisclosure)
    throw new AppError('CONFLICT', 'This request does not need more proof of your identity.');
}
