import { db } from '../db';
import { env } from '../env';
import { forbidden } from './drp-error';
import { signedBodyHash } from './signed-message';

/** How far ahead of our clock `issued-at` may be: the agent's clock and ours are never exactly equal. */
const CLOCK_SKEW_MS = 60_000;
/** The longest life a signed message may claim: it bounds how long it is remembered against replay. */
const MAX_LIFETIME_MS = 60 * 60_000;

/** An ISO 8601 timestamp with its offset (a time without one names no instant). */
function instant(value: unknown): Date | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value))
    return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The claim checks of §3.07, after the signature, in its order: the agent the token (or the pairing
 * URL) names, this business, issued in the past, not expired. A failure is a fatal 403.
 */
export function checkEnvelope(claims: Record<string, unknown>, agentId: string, now: Date): { expiresAt: Date } {
  if (claims['agent-id'] !== agentId) forbidden('agent-id does not match the agent of this token.');
  if (claims['business-id'] !== env().DRP_BUSINESS_ID) forbidden('business-id does not name this business.');
  const issuedAt = instant(claims['issued-at']);
  if (!issuedAt || issuedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    forbidden('issued-at must be an ISO 8601 time with its offset, not in the future.');
  const expiresAt = instant(claims['expires-at']);
  if (!expiresAt || expiresAt.getTime() <= now.getTime())
    forbidden('expires-at must be an ISO 8601 time in the future.');
  if (expiresAt.getTime() - issuedAt.getTime() > MAX_LIFETIME_MS)
    forbidden('A signed message may live at most one hour (expires-at - issued-at).');
  return { expiresAt };
}

/**
 * Remembers an accepted signed message until it expires; refuses one already seen (a replay). The
 * primary key (agent, hash of the body) makes two concurrent deliveries of one message one success.
 */
export async function refuseReplay(agentId: string, body: string, expiresAt: Date, now: Date) {
  const hash = signedBodyHash(body);
  await db().drpSignedMessage.deleteMany({ where: { expiresAt: { lt: now } } });
  const stored = await db().$executeRaw`INSERT INTO drp_signed_message (agent_id, body_hash, expires_at)
    VALUES (${agentId}, ${hash}, ${expiresAt}::timestamptz) ON CONFLICT DO NOTHING`;
  if (stored === 0) forbidden('This signed message was already received (replay).');
}

/** The signed JSON as an object; a body that is not JSON (once authentic) is a 400. */
export function parseSignedJson(message: Buffer): Record<string, unknown> | null {
  try {
    const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(message)) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
