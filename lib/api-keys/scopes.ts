import type { Permission } from '../permissions/staff-permissions';

/**
 * What a server API key may do, as data: one row per scope, with what it allows. A route names the
 * scope it needs; a key holds a list of them. A staff scope also names the workspace permission it
 * stands for: a key with it acts as a staff member (decision 021), whose role must hold that
 * permission too, at creation and on every call.
 */
export const API_KEY_SCOPES = [
  {
    scope: 'opt-outs:write',
    label: 'Report opt-out preference signals (POST /api/v1/opt-outs)',
    permission: null,
    source: 'CCPA regs 11 CCR §7025(c)(1): a signal is an opt-out for the consumer, if known',
  },
  {
    scope: 'requests:read',
    label: 'List and read requests, contact details masked (GET /api/v1/staff/requests…)',
    permission: 'requests.read',
    source: 'The workspace queue and request page (lib/requests/staff/list-requests.ts, get-request-detail.ts)',
  },
  {
    scope: 'requests:reveal',
    label: 'Read a request with the requester’s email and name unmasked (each read audited)',
    permission: 'requests.reveal',
    source: 'The workspace’s Reveal button (lib/requests/staff/reveal-requester.ts)',
  },
  {
    scope: 'notes:write',
    label: 'Add internal notes to requests (POST /api/v1/staff/requests/{id}/notes)',
    permission: 'requests.work',
    source: 'The workspace’s note form (lib/requests/staff/add-note.ts)',
  },
  {
    scope: 'requests:assign',
    label: 'Assign and unassign requests and their tasks (PUT …/requests/{id}/assignee, …/tasks/{id}/assignee)',
    permission: 'requests.work',
    source: 'The workspace’s assign forms (lib/requests/staff/assign-request.ts, lib/fulfilment/assign-task.ts)',
  },
  {
    scope: 'tasks:write',
    label: 'Save a manual task’s checklist and result (PATCH /api/v1/staff/tasks/{id})',
    permission: 'requests.work',
    source: 'The workspace’s task form, Save (lib/fulfilment/update-manual-task.ts)',
  },
  {
    scope: 'tasks:complete',
    label: 'Mark a manual task done (POST /api/v1/staff/tasks/{id}/complete)',
    permission: 'requests.work',
    source: 'The workspace’s task form, Mark done (lib/fulfilment/update-manual-task.ts)',
  },
] as const satisfies readonly { scope: string; label: string; permission: Permission | null; source: string }[];

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number]['scope'];

export const API_KEY_SCOPE_NAMES = API_KEY_SCOPES.map((s) => s.scope) as [ApiKeyScope, ...ApiKeyScope[]];

/** The scopes a key acts as a staff member with, and the workspace permission each stands for. */
export type StaffApiScope = Extract<(typeof API_KEY_SCOPES)[number], { permission: Permission }>['scope'];

export function scopePermission(scope: string): Permission | null {
  return API_KEY_SCOPES.find((s) => s.scope === scope)?.permission ?? null;
}

export function isStaffScope(scope: string): scope is StaffApiScope {
  return scopePermission(scope) !== null;
}
