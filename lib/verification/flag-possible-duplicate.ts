import { recordAuditEvent } from '../audit/record-audit-event';
import type { Tx } from '../db';
import { emailHashes } from '../security/tokens';
import { env } from '../env';
import type { RequestType } from '../universal/codes';

const DAY = 86_400_000;

/**
 * When a request is verified: an earlier verified request from the same email (by its keyed hash)
 * with a type in common, received within DUPLICATE_WINDOW_DAYS, makes this one a possible
 * duplicate. Only a flag on the queue and detail views: staff decide (deny as duplicate, or not).
 */
export async function flagPossibleDuplicate(
  tx: Tx,
  request: { id: string; email: string; emailHash: string; types: readonly RequestType[]; receivedAt: Date },
) {
  const days = env().DUPLICATE_WINDOW_DAYS;
  if (days === 0 || !request.emailHash) return null;
  const since = new Date(request.receivedAt.getTime() - days * DAY);
  const [earlier] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM privacy_request
    WHERE email_hash = ANY(${emailHashes(request.email)}::varchar[]) AND id <> ${request.id}::uuid AND verified_at IS NOT NULL
      AND types && ${[...request.types]}::"RequestType"[] AND received_at >= ${since} AND received_at <= ${request.receivedAt}
    ORDER BY received_at DESC LIMIT 1`;
  if (!earlier) return null;
  await tx.privacyRequest.update({ where: { id: request.id }, data: { possibleDuplicateOfId: earlier.id } });
  await recordAuditEvent(tx, {
    requestId: request.id,
    action: 'request.possible_duplicate',
    actor: { type: 'system' },
    data: { of: earlier.id, windowDays: days },
  });
  return earlier.id;
}
