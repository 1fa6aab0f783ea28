import { createHash, timingSafeEqual } from 'node:crypto';
import { consumeRateLimit } from '../abuse/rate-limit';
import { db } from '../db';
import { AppError } from '../errors';
import { findRequestByStatusToken } from './find-request-by-status-token';
import { identityProofState } from './identity-proof-state';
import { normaliseAnswer } from './identity-questions';
import { recordVerificationCheck } from './record-verification-check';

/** The words the requester declares, as 11 CCR §7062(c) asks. */
export const DECLARATION_TEXT =
  'I declare under penalty of perjury under the laws of the State of California that I am the consumer whose personal information is the subject of this request.';

const nameDigest = (name: string) => createHash('sha256').update(normaliseAnswer('text', name)).digest();

/**
 * The signed declaration under penalty of perjury (11 CCR §7062(c)), from the status page: the
 * requester types their full name and ticks the declaration. Offered only where a rule needs `high`.
 * The typed name is compared (case, spaces and punctuation aside) with the name on the request and
 * then dropped: the check stores only when it was signed.
 */
export async function signDeclaration(options: {
  requestId: string;
  statusToken: string;
  fullName: string;
  declared: boolean;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  await consumeRateLimit('identity-answers-ip', options.ip);
  return db().$transaction(async (tx) => {
    const found = await findRequestByStatusToken(options.requestId, options.statusToken, tx, options.ip);
    await tx.$executeRaw`SELECT 1 FROM privacy_request WHERE id = ${found.id}::uuid FOR UPDATE`;
    const request = await tx.privacyRequest.findUniqueOrThrow({ where: { id: found.id } });
    const state = await identityProofState(tx, request);
    if (!state.declarationOffered || (request.closedAt && request.status !== 'completed'))
      throw new AppError('CONFLICT', 'This request does not need a signed declaration.');
    if (!options.declared)
      throw new AppError('INVALID_INPUT', 'Tick the box to make the declaration.', {
        fields: { declared: ['Tick the box to make the declaration.'] },
      });
    const given = nameDigest(options.fullName);
    const onRequest = request.name ? nameDigest(request.name) : null;
    if (!normaliseAnswer('text', options.fullName) || !onRequest || !timingSafeEqual(given, onRequest))
      throw new AppError('INVALID_INPUT', 'Type your full name as you gave it with this request.', {
        fields: { fullName: ['Type your full name as you gave it with this request.'] },
      });
    return recordVerificationCheck(tx, {
      requestId: request.id,
      method: 'declaration',
      detail: { signedAt: now.toISOString() },
      actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
      now,
    });
  });
}
