import { consumeRateLimit } from '../abuse/rate-limit';
import type { AuthenticatedApiKey } from '../api-keys/authenticate-api-key';
import { findLiveApiKey, markApiKeyUsed, unauthenticated } from '../api-keys/find-live-api-key';
import { type StaffApiScope, scopePermission } from '../api-keys/scopes';
import { db } from '../db';
import { AppError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';

export type StaffApiCaller = { apiKey: AuthenticatedApiKey; staff: StaffIdentity };

/**
 * Who a staff-API call acts as (decision 021): a live key (401 otherwise) that acts as a staff member
 * who is still active (401 once deactivated: the key stops with the person; 403 for a key that acts
 * as nobody, e.g. `opt-outs:write` only), re-read on every call so
 * a role change bites at once. Counted against the key's hourly limit from here on (429).
 */
export async function identifyStaffApiKey(authorization: string | null): Promise<StaffApiCaller> {
  const key = await findLiveApiKey(authorization);
  if (!key.actsAsId) throw new AppError('FORBIDDEN', 'This API key has no staff scopes.');
  const member = await db().user.findUnique({
    where: { id: key.actsAsId },
    select: { id: true, email: true, name: true, role: true, deactivatedAt: true },
  });
  if (!member || member.deactivatedAt) throw unauthenticated();
  const staff: StaffIdentity = { id: member.id, email: member.email, name: member.name, role: member.role };
  await consumeRateLimit('staff-api-key', key.id);
  await markApiKeyUsed(key.id);
  return { apiKey: { id: key.id, prefix: key.prefix, name: key.name, scopes: key.scopes }, staff };
}

/**
 * The two checks a call passes, in order: the key holds `scope` (403), and the staff member's role
 * holds the workspace permission that scope stands for (403, the workspace's own refusal). The
 * domain function then checks its permission again, as it does for the workspace's actions.
 */
export function assertStaffApiScope(caller: StaffApiCaller, scope: StaffApiScope): StaffIdentity {
  if (!caller.apiKey.scopes.includes(scope))
    throw new AppError('FORBIDDEN', `This API key does not have the scope ${scope}.`);
  const permission = scopePermission(scope);
  if (!permission) throw new AppError('FORBIDDEN', `${scope} is not a staff scope.`);
  return authorize(caller.staff, permission);
}
