import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '../env';
import { hashToken } from './tokens';

/**
 * The confirmation-page token of a request filed through the DRP API: derived from its id under
 * APP_SECRET, so the status object can give the link again at any time without storing the token.
 */
export function derivedSubmissionToken(requestId: string, secret = env().APP_SECRET): string {
  return createHmac('sha256', secret).update(`drp-submitted:${requestId}`).digest('base64url');
}

/**
 * The stored `submission_token_hash` values a confirmation-page token opens: its own hash; and, for
 * a token derived under APP_SECRET or a previous one, the hashes of the request's token derived
 * under each of them. A DRP request keeps the hash of the token derived when it was filed, and after
 * a rotation its status object gives the token derived under the new secret: both open it while the
 * old secret is read, and the new one for good (docs/decisions/022).
 */
export function submissionTokenHashes(requestId: string, token: string): string[] {
  const given = Buffer.from(token);
  const derived = env().appSecrets.map(({ secret }) => derivedSubmissionToken(requestId, secret));
  const isDerived = derived.some((d) => {
    const expected = Buffer.from(d);
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  return [...new Set([hashToken(token), ...(isDerived ? derived.map(hashToken) : [])])];
}
