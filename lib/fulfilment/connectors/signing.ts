/**
 * HMAC-SHA256 signatures for webhook jobs and callbacks, both directions the same way:
 * `X-Portal-Signature: t=<unix seconds>,v1=<hex HMAC(secret, "<t>.<raw body>")>`. The timestamp is
 * signed, so a captured message is only good within the tolerance; the receiver also remembers
 * signatures it accepted (replay).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-portal-signature';
export const TOLERANCE_SECONDS = 300;

export function sign(secret: string, body: string, now = Date.now()): string {
  const t = Math.floor(now / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

export type SignatureCheck =
  | { ok: true; timestamp: number; signature: string }
  | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' | 'stale' };

export function verifySignature(
  secret: string,
  body: string,
  header: string | null | undefined,
  now = Date.now(),
): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: 'mismatch' };
  if (Math.abs(now / 1000 - t) > TOLERANCE_SECONDS) return { ok: false, reason: 'stale' };
  return { ok: true, timestamp: t, signature: parts.v1 };
}
