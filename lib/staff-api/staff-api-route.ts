/**
 * The one chain every staff-API route goes through, as `staffAction` is for the workspace's forms:
 * identify the key and the staff member it acts as, count the call, check the scope and the role's
 * permission, run the handler (which parses with a zod schema and calls the workspace's own domain
 * function), answer errors as `toErrorBody` says, and audit the call with the key's name.
 */
import type { StaffApiScope } from '../api-keys/scopes';
import { scopePermission } from '../api-keys/scopes';
import { clientInfo } from '../http/client-info';
import { jsonRoute } from '../http/json-route';
import type { StaffIdentity } from '../permissions/authorize';
import type { Permission } from '../permissions/staff-permissions';
import { assertStaffApiScope, identifyStaffApiKey, type StaffApiCaller } from './authenticate-staff-api-key';
import { recordStaffApiCall } from './record-staff-api-call';

type Params = Record<string, string>;

export type StaffApiHandler<P extends Params> = (args: {
  request: Request;
  staff: StaffIdentity;
  params: P;
  /** The key's scopes: an operation may do more with an extra one (`requests:reveal`). */
  scopes: string[];
  /** Names the request the call acted on, for the audit event (when it is not the path's `id`). */
  actedOn: (ids: { requestId?: string; taskId?: string }) => void;
}) => Promise<Response>;

export type StaffApiRoute<P extends Params> = ((
  request: Request,
  context: { params: Promise<P> },
) => Promise<Response>) & {
  scope: StaffApiScope;
  permission: Permission;
  operationId: string;
};

export function staffApiRoute<P extends Params>(
  operation: { operationId: string; scope: StaffApiScope; pathIs?: 'request' | 'task' },
  handler: StaffApiHandler<P>,
): StaffApiRoute<P> {
  const route = async (request: Request, context: { params: Promise<P> }) => {
    let caller: StaffApiCaller | undefined;
    const ids: { requestId?: string; taskId?: string } = {};
    const response = await jsonRoute(async () => {
      const params = await context.params;
      if (operation.pathIs === 'request') ids.requestId = params.id;
      if (operation.pathIs === 'task') ids.taskId = params.id;
      caller = await identifyStaffApiKey(request.headers.get('authorization'));
      const staff = assertStaffApiScope(caller, operation.scope);
      return handler({
        request,
        staff,
        params,
        scopes: caller.apiKey.scopes,
        actedOn: (found) => Object.assign(ids, found),
      });
    });
    // Refused for the limit: not written, so a flood past it cannot fill the audit log.
    if (!caller || response.status === 429) return response;
    const identified = caller;
    const audited = await jsonRoute(async () => {
      await recordStaffApiCall({
        caller: identified,
        operationId: operation.operationId,
        status: response.status,
        ...ids,
        ...clientInfo(request.headers),
      });
      return response;
    });
    return audited;
  };
  const permission = scopePermission(operation.scope);
  if (!permission) throw new Error(`${operation.scope} is not a staff scope`);
  return Object.assign(route, { scope: operation.scope, permission, operationId: operation.operationId });
}
