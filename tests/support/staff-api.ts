/**
 * Calling the staff API's route handlers in process, as a client would over HTTP: a Request with the
 * key as a bearer token, and the path's `id` as Next passes it. Keys are made as an admin would
 * (createApiKey), or inserted directly where a test needs one creation refuses.
 */
import { GET as getOne } from '../../app/api/v1/staff/requests/[id]/route';
import { PUT as putAssignee } from '../../app/api/v1/staff/requests/[id]/assignee/route';
import { POST as postNote } from '../../app/api/v1/staff/requests/[id]/notes/route';
import { GET as getList } from '../../app/api/v1/staff/requests/route';
import { POST as postComplete } from '../../app/api/v1/staff/tasks/[id]/complete/route';
import { PUT as putTaskAssignee } from '../../app/api/v1/staff/tasks/[id]/assignee/route';
import { PATCH as patchTask } from '../../app/api/v1/staff/tasks/[id]/route';
import { insertApiKey } from '../../lib/api-keys/new-api-key';
import { db } from '../../lib/db';
import type { StaffApiRoute } from '../../lib/staff-api/staff-api-route';

export type StaffApiOperation = {
  name: string;
  method: string;
  path: (id: string) => string;
  handler: StaffApiRoute<Record<string, string>>;
  hasBody: boolean;
};

export const STAFF_API_OPERATIONS: StaffApiOperation[] = [
  { name: 'list', method: 'GET', path: () => '/api/v1/staff/requests', handler: getList, hasBody: false },
  { name: 'get', method: 'GET', path: (id) => `/api/v1/staff/requests/${id}`, handler: getOne, hasBody: false },
  {
    name: 'note',
    method: 'POST',
    path: (id) => `/api/v1/staff/requests/${id}/notes`,
    handler: postNote,
    hasBody: true,
  },
  {
    name: 'assign',
    method: 'PUT',
    path: (id) => `/api/v1/staff/requests/${id}/assignee`,
    handler: putAssignee,
    hasBody: true,
  },
  {
    name: 'assign-task',
    method: 'PUT',
    path: (id) => `/api/v1/staff/tasks/${id}/assignee`,
    handler: putTaskAssignee,
    hasBody: true,
  },
  { name: 'task', method: 'PATCH', path: (id) => `/api/v1/staff/tasks/${id}`, handler: patchTask, hasBody: true },
  {
    name: 'complete',
    method: 'POST',
    path: (id) => `/api/v1/staff/tasks/${id}/complete`,
    handler: postComplete,
    hasBody: true,
  },
] as StaffApiOperation[];

export function staffApiRequest(
  operation: StaffApiOperation,
  options: { id?: string; key?: string | null; body?: unknown; contentType?: string; query?: string } = {},
) {
  const id = options.id ?? '00000000-0000-4000-8000-000000000000';
  const headers: Record<string, string> = { 'user-agent': 'staff-api-test' };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  const hasBody = options.body !== undefined;
  if (hasBody) headers['content-type'] = options.contentType ?? 'application/json';
  const request = new Request(`http://portal.test${operation.path(id)}${options.query ?? ''}`, {
    method: operation.method,
    headers,
    body: hasBody ? (typeof options.body === 'string' ? options.body : JSON.stringify(options.body)) : undefined,
  });
  return [request, { params: Promise.resolve({ id }) }] as const;
}

/** A key inserted directly, bypassing the creation checks (as a key whose member's role changed since). */
export async function aRawStaffKey(options: { actsAsId: string | null; scopes: string[]; createdById: string }) {
  return db().$transaction(async (tx) =>
    insertApiKey(tx, {
      name: `raw ${options.scopes.join(' ')}`,
      scopes: options.scopes,
      createdById: options.createdById,
      actsAsId: options.actsAsId,
    }),
  );
}
