import { db } from '../db';
import { AppError } from '../errors';
import { hashesEqual, hashToken } from '../security/tokens';
import type { ApiKeyScope } from './scopes';
import { API_KEY_PATTERN } from './schemas';

export type AuthenticatedApiKey = { id: string; prefix: string; name: string; scopes: string[] };

const UNAUTHENTICATED = 'Send a valid API key: Authorization: Bearer bsk_…';

/**
 * The key in an `Authorization: Bearer bsk_<prefix>_<secret>` header, checked: found by its prefix,
 * its secret's SHA-256 compared in constant time, not revoked (401 otherwise, the same answer for
 * each, so a caller cannot tell which part was wrong), and holding `scope` (403). Records when it
 * was last used.
 */
export async function authenticateApiKey(options: {
  authorization: string | null;
  scope: ApiKeyScope;
}): Promise<AuthenticatedApiKey> {
  const match = /^Bearer\s+(\S+)$/i.exec(options.authorization?.trim() ?? '');
  const parts = match ? API_KEY_PATTERN.exec(match[1]) : null;
  if (!parts) throw new AppError('UNAUTHORIZED', UNAUTHENTICATED);
  const [, prefix, secret] = parts;
  const key = await db().apiKey.findUnique({ where: { prefix } });
  if (!key || key.revokedAt || !hashesEqual(key.secretHash, hashToken(secret)))
    throw new AppError('UNAUTHORIZED', UNAUTHENTICATED);
  if (!key.scopes.includes(options.scope))
    throw new AppError('FORBIDDEN', `This API key does not have the scope ${options.scope}.`);
  await db().apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() }, select: { id: true } });
  return { id: key.id, prefix: key.prefix, name: key.name, scopes: key.scopes };
}
