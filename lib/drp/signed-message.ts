/**
 * DRP signed messages (spec §3.07.1): libsodium "combined mode" Ed25519, that is base64 of the 64-byte
 * signature followed by the JSON bytes, sent as text/plain. Verified with Node's own Ed25519
 * (node:crypto), never with hand-written cryptography.
 */
import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const SIGNATURE_BYTES = 64;

/** An agent's verify key (standard base64 of the raw 32 bytes) as a Node key; null when it is not one. */
export function ed25519VerifyKey(base64: string): KeyObject | null {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== base64) return null;
  try {
    return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

/** Whether `text` is strict standard base64 (what §3.07 asks to decode first). */
function decodeBase64(text: string): Buffer | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return null;
  return Buffer.from(trimmed, 'base64');
}

export type OpenedMessage = { ok: true; message: Buffer } | { ok: false; failure: 'not_base64' | 'bad_signature' };

/**
 * The first two checks of §3.07: the body decodes from base64, and the signature at its start
 * validates with the agent's key. Returns the signed bytes (the JSON) only then.
 */
export function openSignedMessage(body: string, verifyKey: string): OpenedMessage {
  const buffer = decodeBase64(body);
  if (!buffer) return { ok: false, failure: 'not_base64' };
  const key = ed25519VerifyKey(verifyKey);
  if (!key || buffer.length <= SIGNATURE_BYTES) return { ok: false, failure: 'bad_signature' };
  const signature = buffer.subarray(0, SIGNATURE_BYTES);
  const message = buffer.subarray(SIGNATURE_BYTES);
  return verify(null, message, key, signature) ? { ok: true, message } : { ok: false, failure: 'bad_signature' };
}

/** The replay key of a signed body: its SHA-256, whatever whitespace surrounds it. */
export function signedBodyHash(body: string): string {
  return createHash('sha256').update(body.trim()).digest('hex');
}
