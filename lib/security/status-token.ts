import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '../env';

/** A fresh nonce for a request's status link (rotating it revokes every link sent so far). */
export function newStatusNonce(): string {
  return randomBytes(16).toString('hex');
}

/** The status-page token of a request: HMAC-SHA256(APP_SECRET, id:nonce), 43 URL-safe characters. */
export function statusToken(request: { id: string; statusNonce: string }, secret = env().APP_SECRET): string {
  return createHmac('sha256', secret).update(`status:${request.id}:${request.statusNonce}`).digest('base64url');
}

export function statusTokenMatches(request: { id: string; statusNonce: string | null }, token: string): boolean {
  const { statusNonce } = request;
  if (!statusNonce) return false;
  const given = Buffer.from(token);
  // Links emailed before APP_SECRET changed keep working while the old secret is in APP_SECRET_PREVIOUS.
  return env().appSecrets.some(({ secret }) => {
    const expected = Buffer.from(statusToken({ id: request.id, statusNonce }, secret));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
