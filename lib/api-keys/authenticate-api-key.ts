import { AppError } from '../errors';
import { findLiveApiKey, markApiKeyUsed } from './find-live-api-key';
import type { ApiKeyScope } from './scopes';

export type AuthenticatedApiKey = { id: string; prefix: string; name: string; scopes: string[] };

/**
 * The key in an `Authorization: Bearer bsk_<prefix>_<secret>` header, checked: live (401 otherwise,
 * lib/api-keys/find-live-api-key.ts) and holding `scope` (403). Records when it was last used.
 */
export async function authenticateApiKey(options: {
  authorization: string | null;
  scope: ApiKeyScope;
}): Promise<AuthenticatedApiKey> {
  const key = await findLiveApiKey(options.authorization);
  if (!key.scopes.includes(options.scope))
    throw new AppError('FORBIDDEN', `This API key does not have the scope ${options.scope}.`);
  await markApiKeyUsed(key.id);
  return { id: key.id, prefix: key.prefix, name: key.name, scopes: key.scopes };
}
