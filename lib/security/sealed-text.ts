/**
 * Short secrets the portal must read back (a webhook endpoint's signing secret), sealed with
 * AES-256-GCM under the storage key (STORAGE_ENCRYPTION_KEY, as stored files are). The purpose is
 * bound as associated data, so a value sealed for one use cannot be passed off as another.
 * Format: `v1.<base64url: 12-byte nonce | ciphertext | 16-byte tag>`.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { env } from '../env';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export function sealText(plain: string, purpose: string, key = env().storageKey): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(purpose));
  const sealed = Buffer.concat([nonce, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `v1.${sealed.toString('base64url')}`;
}

/**
 * Opens with `key` when given; otherwise with the current storage key, then each previous one
 * (STORAGE_ENCRYPTION_KEYS_PREVIOUS, docs/decisions/022), so a rotation does not lose a sealed secret.
 */
export function openSealedText(sealed: string, purpose: string, key?: Buffer): string {
  if (!sealed.startsWith('v1.')) throw new Error('sealed text has an unknown format');
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  if (raw.length < NONCE_BYTES + TAG_BYTES) throw new Error('sealed text is truncated');
  const keys = key ? [key] : env().storageKeys.map((k) => k.key);
  for (const candidate of keys) {
    const decipher = createDecipheriv('aes-256-gcm', candidate, raw.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      // Another key may have sealed it.
    }
  }
  throw new Error('sealed text was altered or sealed under another key');
}
