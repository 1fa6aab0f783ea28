/**
 * Short secrets the portal must read back (a webhook endpoint's signing secret), sealed with
 * AES-256-GCM under the storage key (STORAGE_ENCRYPTION_KEY, as stored files are). The purpose is
 * bound as associated data, so a value sealed for one use cannot be passed off as another.
 * Format: `v2.<key id>.<base64url: 12-byte nonce | ciphertext | 16-byte tag>`, the key id as
 * lib/env.ts keyId names it, so the re-key job knows what to seal again (docs/decisions/022).
 * `v1.<base64url>`, without the id, is still read.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { env, keyId } from '../env';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const V2 = /^v2\.([0-9a-f]{16})\.([A-Za-z0-9_-]+)$/;
/**
 * The whole sealed form, at least a nonce and a tag long (28 bytes, 38 characters), in a syntax
 * JavaScript and PostgreSQL read alike: what tells a sealed value from a plain one kept from before
 * a column was sealed.
 */
export const SEALED_TEXT_FORM = /^(v2\.[0-9a-f]{16}|v1)\.[A-Za-z0-9_-]{38,}$/;

export function hasSealedForm(stored: string): boolean {
  return SEALED_TEXT_FORM.test(stored);
}

export function sealText(plain: string, purpose: string, key = env().storageKey): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(purpose));
  const sealed = Buffer.concat([nonce, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `v2.${keyId(key)}.${sealed.toString('base64url')}`;
}

/** The id of the key that sealed `sealed`, or null for a `v1` value, which does not say. */
export function sealedTextKeyId(sealed: string): string | null {
  return V2.exec(sealed)?.[1] ?? null;
}

function openWith(key: Buffer, raw: Buffer, purpose: string): string | null {
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, NONCE_BYTES));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return null;
  }
}

/**
 * Opens with `key` when given; otherwise with the storage key its id names (current or previous,
 * STORAGE_ENCRYPTION_KEYS_PREVIOUS), or for a `v1` value with each in turn, so a rotation does not
 * lose a sealed secret.
 */
export function openSealedText(sealed: string, purpose: string, key?: Buffer): string {
  const v2 = V2.exec(sealed);
  if (!v2 && !sealed.startsWith('v1.')) throw new Error('sealed text has an unknown format');
  const raw = Buffer.from(v2 ? v2[2] : sealed.slice(3), 'base64url');
  if (raw.length < NONCE_BYTES + TAG_BYTES) throw new Error('sealed text is truncated');
  let keys = key ? [key] : env().storageKeys.map((k) => k.key);
  if (v2 && !key) {
    const named = env().storageKeys.find((k) => k.id === v2[1]);
    if (!named)
      throw new Error(
        `sealed text was sealed under another key (id ${v2[1]}), not configured: add it to STORAGE_ENCRYPTION_KEYS_PREVIOUS`,
      );
    keys = [named.key];
  }
  for (const candidate of keys) {
    const plain = openWith(candidate, raw, purpose);
    if (plain !== null) return plain;
  }
  throw new Error('sealed text was altered or sealed under another key');
}

/**
 * A column sealed for `purpose` that may still hold plain values written before it was sealed: `open`
 * gives a plain value as it is, and `reseal` is what the re-key job stores (the value sealed under
 * the current storage key, or null when it is sealed under it already). Only a plain value that has
 * the whole sealed form could be misread; its column's rules say why none can, or why it then fails
 * loudly rather than being used.
 */
export function sealedColumn(purpose: string) {
  const seal = (plain: string) => sealText(plain, purpose);
  const open = (stored: string) => (hasSealedForm(stored) ? openSealedText(stored, purpose) : stored);
  return {
    seal,
    open,
    reseal(stored: string, currentKeyId: string): string | null {
      if (hasSealedForm(stored) && sealedTextKeyId(stored) === currentKeyId) return null;
      return seal(open(stored));
    },
  };
}
