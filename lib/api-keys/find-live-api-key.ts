import { db } from '../db';
import { AppError } from '../errors';
import { hashesEqual, hashToken } from '../security/tokens';
import { API_KEY_PATTERN } from './schemas';

const UNAUTHENTICATED = 'Send a valid API key: Authorization: Bearer bsk_…';

/** The same refusal for every way a key can be wrong, so a caller cannot tell which part was. */
export function unauthenticated() {
  return new AppError('UNAUTHORIZED', UNAUTHENTICATED);
}

/**
 * The key in an `Authorization: Bearer bsk_<prefix>_<secret>` header: found by its prefix, its
 * secret's SHA-256 compared in constant time, not revoked (401 otherwise). Never its hash.
 */
export async function findLiveApiKey(authorization: string | null) {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  const parts = match ? API_KEY_PATTERN.exec(match[1]) : null;
  if (!parts) throw unauthenticated();
  const [, prefix, secret] = parts;
  const key = await db().apiKey.findUnique({ where: { prefix } });
  if (!key || key.revokedAt || !hashesEqual(key.secretHash, hashToken(secret))) throw unauthenticated();
  const { secretHash: _, ...live } = key;
  return live;
}

/** Records when a key was last used (shown on /admin/api-keys). */
export async function markApiKeyUsed(id: string) {
  await db().apiKey.update({ where: { id }, data: { lastUsedAt: new Date() }, select: { id: true } });
}
