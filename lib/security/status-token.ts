import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '../env';

/** A fresh nonce for a request's status link (rotating it revokes every link sent so far). */
export function newStatusNonce(): string {
  return randomBytes(16).toString('hex');
}

/** The status-page token of a request: HMAC-SHA256(APP_SECRET, id:nonce), 43 URL-safe characters. */
export function statusToken(request: { id: string; statusNonce: string }): string {
  return createHmac('sha256', env().APP_SECRET)
    .update(`status:${request.id}:${request.statusNonce}`)
    .digest('base64url');
}

export function statusTokenMatches(request: { id: string; statusNonce: string | null }, token: string): boolean {
  if (!request.statusNonce) return false;
  const expected = Buffer.from(statusToken({ id: request.id, statusNonce: request.statusNonce }));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
