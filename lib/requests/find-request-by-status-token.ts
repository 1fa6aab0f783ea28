import type { Tx } from '../db';
import { db } from '../db';
import { AppError } from '../errors';
import { statusTokenMatches } from '../security/status-token';

/**
 * The request a status-page link points to. The same answer for an unknown id and a wrong token, so
 * the page says nothing about which requests exist.
 */
export async function findRequestByStatusToken(requestId: string, token: string, tx: Tx = db()) {
  const notFound = new AppError('NOT_FOUND', 'This status link is not valid. Use the link from your most recent email about this request.');
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) throw notFound;
  const request = await tx.privacyRequest.findUnique({ where: { id: requestId } });
  if (!request || !statusTokenMatches(request, token)) throw notFound;
  return request;
}
