import type { Tx } from '../db';
import { db } from '../db';
import { AppError } from '../errors';
import { consumeRateLimit } from '../abuse/rate-limit';
import { statusTokenMatches } from '../security/status-token';
import { phrase } from '../universal/i18n/phrase';
import { isUuid } from '../uuid';

/**
 * The request a status-page link points to. The same answer for an unknown id and a wrong token, so
 * the page says nothing about which requests exist. Wrong links count against the caller's address
 * (a scan gets 429); a right link never counts, so a requester following our email is never limited.
 */
export async function findRequestByStatusToken(requestId: string, token: string, tx: Tx = db(), ip?: string | null) {
  const request = isUuid(requestId) ? await tx.privacyRequest.findUnique({ where: { id: requestId } }) : null;
  if (request && statusTokenMatches(request, token)) return request;
  await consumeRateLimit('failed-lookup-ip', ip);
  throw AppError.said('NOT_FOUND', phrase('api.statusLinkInvalid'));
}
