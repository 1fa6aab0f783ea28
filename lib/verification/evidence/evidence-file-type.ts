import { fileTypeFromBuffer } from 'file-type';

/** What a requester may send: PDF, JPEG or PNG, each with the extension its download gets. */
export const EVIDENCE_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
} as const;
export type EvidenceContentType = keyof typeof EVIDENCE_TYPES;

/**
 * The file's type read from its first bytes (file-type's signatures), never from its name or the
 * type the browser claimed: a script renamed `passport.pdf` is refused. Null for anything else.
 */
export async function evidenceFileType(bytes: Uint8Array): Promise<EvidenceContentType | null> {
  const found = await fileTypeFromBuffer(bytes);
  return found && Object.hasOwn(EVIDENCE_TYPES, found.mime) ? (found.mime as EvidenceContentType) : null;
}
