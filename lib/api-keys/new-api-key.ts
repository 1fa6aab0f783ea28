import { randomBytes } from 'node:crypto';
import { hashToken } from '../security/tokens';

/**
 * A fresh key: a public prefix (6 random bytes, hex) that admins and audit events name it by, and a
 * secret of 32 random bytes of which only the SHA-256 is stored. The whole key is returned once.
 */
export function newApiKey() {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { prefix, secretHash: hashToken(secret), key: `bsk_${prefix}_${secret}` };
}
