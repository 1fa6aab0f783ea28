import { randomBytes } from 'node:crypto';
import type { Tx } from '../db';
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

/** Stores a fresh key in `tx`: the row without its hash, and the whole key to show once. */
export async function insertApiKey(
  tx: Tx,
  data: { name: string; scopes: string[]; createdById: string; actsAsId: string | null; rotatedFromId?: string },
) {
  const fresh = newApiKey();
  const row = await tx.apiKey.create({
    data: { ...data, prefix: fresh.prefix, secretHash: fresh.secretHash },
    omit: { secretHash: true },
  });
  return { row, key: fresh.key };
}
