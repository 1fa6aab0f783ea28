/**
 * The OpenAPI 3.1 description of the staff API (/api/v1/staff/…), joined to the portal's document by
 * lib/requests/openapi.ts. Request bodies are generated from the zod schemas the routes parse with.
 * Every operation names its scope; every key acts as a staff member whose role must allow it too.
 */
import { z } from 'zod';
import { errorResponse, serverErrorResponses } from '../../http/openapi-parts';
import { REQUEST_STATUSES, REQUEST_TAG_MAX_LENGTH, REQUEST_TAG_PATTERN, REQUEST_TYPES } from '../../universal/codes';
import { staffAssigneeSchema, staffNoteSchema, staffTaskUpdateSchema } from './schemas';

const json = (schema: unknown) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const exact = (properties: Record<string, unknown>) => ({
  type: 'object',
  required: Object.keys(properties),
  additionalProperties: false,
  properties,
});
const bodyOf = (schema: z.ZodType) => {
  const { $schema: _, ...body } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return { required: true, content: json(body) };
};
const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });
const dateTime = { type: 'string', format: 'date-time' };
const uuid = { type: 'string', format: 'uuid' };

const idParameter = (what: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `The ${what}'s id (any other value answers 404).`,
  schema: { type: 'string' },
});

/** The answers every operation gives: who the key is and what it may do. */
function common(scope: string) {
  return {
    '401': errorResponse(
      'UNAUTHORIZED',
      'No key, a malformed, unknown or revoked key, or one whose staff member is deactivated (the same answer for each).',
    ),
    '403': errorResponse(
      'FORBIDDEN',
      `The key lacks the scope \`${scope}\`, or the role of the staff member it acts as does not allow it (as in the workspace).`,
    ),
    '429': errorResponse(
      'RATE_LIMITED',
      'Too many calls with this key in the last hour (`RATE_LIMIT_STAFF_API_PER_KEY`): see Retry-After.',
    ),
    ...serverErrorResponses,
  };
}

/** The answers of an operation with a JSON body. */
const bodyErrors = {
  '400': errorResponse('BAD_REQUEST', 'The body is not valid JSON or UTF-8.'),
  '413': errorResponse('PAYLOAD_TOO_LARGE', 'The body is larger than 64 KB.'),
  '415': errorResponse('UNSUPPORTED_MEDIA_TYPE', 'The body is not sent as `application/json`.'),
};

const invalid = (what: string) => errorResponse('INVALID_INPUT', `${what} \`error.fields\` names each field and why.`);

function taskOperation(operationId: string, scope: string, summary: string, description: string, conflict: string) {
  return {
    operationId,
    summary,
    description,
    security: [{ staffApiKey: [] }],
    'x-scope': scope,
    parameters: [idParameter('task')],
    requestBody: bodyOf(staffTaskUpdateSchema),
    responses: {
      '200': { description: 'Saved.', content: json(ref('StaffTaskChange')) },
      ...bodyErrors,
      '404': errorResponse('NOT_FOUND', 'No task with that id.'),
      '409': errorResponse('CONFLICT', conflict),
      '422': invalid('The body breaks a rule; nothing is saved.'),
      ...common(scope),
    },
  };
}

export const staffApiSecuritySchemes = {
  staffApiKey: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A server API key (`bsk_<prefix>_<secret>`) an admin created under /admin/api-keys with staff scopes. It acts as one staff member: that person’s role applies on every call (as in the workspace), and the scopes narrow it further. A deactivated member’s keys stop working. Every call is audited with the key’s name.',
  },
};

export function staffApiOpenApiPaths() {
  return {
    '/api/v1/staff/requests': {
      get: {
        operationId: 'listStaffRequests',
        summary: 'The request queue, due first, in pages of 50',
        description:
          'Scope `requests:read`. The workspace queue’s filters as query parameters (no search by email: personal data never travels in a URL). Open requests by default. Keyset pagination: pass the answer’s `nextCursor` as `after` for the next page (null: the last page). The requester’s email and name are always masked here.',
        security: [{ staffApiKey: [] }],
        'x-scope': 'requests:read',
        parameters: [
          {
            name: 'status',
            in: 'query',
            description: 'Repeat for several; default the open statuses after verification.',
            schema: { type: 'array', items: { enum: [...REQUEST_STATUSES] } },
            style: 'form',
            explode: true,
          },
          { name: 'type', in: 'query', schema: { enum: [...REQUEST_TYPES] } },
          { name: 'jurisdiction', in: 'query', schema: { type: 'string' } },
          {
            name: 'assignee',
            in: 'query',
            description: 'A staff id, `me` (the staff member the key acts as) or `none`.',
            schema: { type: 'string' },
          },
          { name: 'due', in: 'query', schema: { enum: ['overdue', '7d', '30d'] } },
          {
            name: 'tag',
            in: 'query',
            description: 'Only requests with this staff tag, such as `vip` or `media-inquiry`.',
            schema: { type: 'string', maxLength: REQUEST_TAG_MAX_LENGTH, pattern: REQUEST_TAG_PATTERN.source },
          },
          { name: 'after', in: 'query', description: 'The previous page’s `nextCursor`.', schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description: 'One page. Sent with `Cache-Control: no-store`.',
            content: json(
              exact({
                data: { type: 'array', items: ref('StaffRequestSummary') },
                nextCursor: nullable({ type: 'string' }),
              }),
            ),
          },
          '422': invalid('A query parameter is unknown or wrong.'),
          ...common('requests:read'),
        },
      },
    },
    '/api/v1/staff/requests/{id}': {
      get: {
        operationId: 'getStaffRequest',
        summary: 'One request, with its notes and tasks',
        description:
          'Scope `requests:read`. Masked as on the workspace’s request page: the requester’s email and name unless the key also holds `requests:reveal` (then every read is an audited reveal, and a role without `requests.reveal` is refused 403); free text (details, notes, task results) hidden from viewers.',
        security: [{ staffApiKey: [] }],
        'x-scope': 'requests:read',
        parameters: [idParameter('request')],
        responses: {
          '200': {
            description: 'The request. Sent with `Cache-Control: no-store`.',
            content: json(ref('StaffRequest')),
          },
          '404': errorResponse('NOT_FOUND', 'No request with that id.'),
          ...common('requests:read'),
        },
      },
    },
    '/api/v1/staff/requests/{id}/notes': {
      post: {
        operationId: 'addStaffNote',
        summary: 'Add an internal note',
        description: 'Scope `notes:write` (role: reviewer or admin). Staff only, never sent to the requester.',
        security: [{ staffApiKey: [] }],
        'x-scope': 'notes:write',
        parameters: [idParameter('request')],
        requestBody: bodyOf(staffNoteSchema),
        responses: {
          '201': { description: 'Added.', content: json(exact({ id: uuid, requestId: uuid, createdAt: dateTime })) },
          ...bodyErrors,
          '404': errorResponse('NOT_FOUND', 'No request with that id.'),
          '422': invalid('The note is empty, too long, or the body has other fields.'),
          ...common('notes:write'),
        },
      },
    },
    '/api/v1/staff/requests/{id}/assignee': {
      put: {
        operationId: 'assignStaffRequest',
        summary: 'Assign a request, or unassign it',
        description:
          'Scope `requests:assign` (role: reviewer or admin). `assigneeId` an active reviewer or admin, or null. The new assignee is emailed, as from the workspace.',
        security: [{ staffApiKey: [] }],
        'x-scope': 'requests:assign',
        parameters: [idParameter('request')],
        requestBody: bodyOf(staffAssigneeSchema),
        responses: {
          '200': {
            description: 'Saved (also when nothing changed).',
            content: json(exact({ requestId: uuid, assigneeId: nullable({ type: 'string' }) })),
          },
          ...bodyErrors,
          '404': errorResponse('NOT_FOUND', 'No request with that id.'),
          '409': errorResponse(
            'CONFLICT',
            'The request is not open and verified (e.g. completed): it cannot be assigned.',
          ),
          '422': invalid('`assigneeId` is missing, or not an active reviewer or admin.'),
          ...common('requests:assign'),
        },
      },
    },
    '/api/v1/staff/tasks/{id}/assignee': {
      put: {
        operationId: 'assignStaffTask',
        summary: 'Assign a fulfilment task, or unassign it',
        description:
          'Scope `requests:assign` (role: reviewer or admin). `assigneeId` an active reviewer or admin, or null.',
        security: [{ staffApiKey: [] }],
        'x-scope': 'requests:assign',
        parameters: [idParameter('task')],
        requestBody: bodyOf(staffAssigneeSchema),
        responses: {
          '200': {
            description: 'Saved.',
            content: json(exact({ id: uuid, requestId: uuid, assigneeId: nullable({ type: 'string' }) })),
          },
          ...bodyErrors,
          '404': errorResponse('NOT_FOUND', 'No task with that id.'),
          '409': errorResponse('CONFLICT', 'The task is finished already, or its request is not being worked on.'),
          '422': invalid('`assigneeId` is missing, or not an active reviewer or admin.'),
          ...common('requests:assign'),
        },
      },
    },
    '/api/v1/staff/tasks/{id}': {
      patch: taskOperation(
        'updateStaffTask',
        'tasks:write',
        'Save a manual task’s checklist and result',
        'Scope `tasks:write` (role: reviewer or admin). `done`: the indexes of the checklist steps done (the others become undone); `result`: what was done. The task stays open.',
        'The task is finished already, run by its connector (and not failed), or its request is not being worked on.',
      ),
    },
    '/api/v1/staff/tasks/{id}/complete': {
      post: taskOperation(
        'completeStaffTask',
        'tasks:complete',
        'Mark a manual task done',
        'Scope `tasks:complete` (role: reviewer or admin). Every checklist step must be in `done` and `result` written (422 otherwise); then the task is done, and the recipients’ tasks follow as from the workspace.',
        'The task is finished already, run by its connector (and not failed), or its request is not being worked on.',
      ),
    },
  };
}

const assignee = nullable(
  exact({ id: { type: 'string' }, name: nullable({ type: 'string' }), email: { type: 'string' } }),
);
const requester = exact({
  email: { type: 'string', description: 'Masked as in the workspace queue unless `masked` is false.' },
  name: nullable({ type: 'string' }),
  masked: { type: 'boolean' },
});

export const staffApiSchemas = {
  StaffRequestSummary: exact({
    id: uuid,
    reference: { type: 'string', pattern: '^BR-\\d{4}-\\d{6}$' },
    status: { enum: [...REQUEST_STATUSES] },
    types: { type: 'array', items: { enum: [...REQUEST_TYPES] } },
    jurisdiction: { type: 'string' },
    receivedAt: dateTime,
    dueAt: dateTime,
    assignee,
    requester,
    possibleDuplicate: { type: 'boolean' },
    verification: exact({ reached: { type: 'string' }, readyForWork: { type: 'boolean' } }),
  }),
  StaffRequest: exact({
    id: uuid,
    reference: { type: 'string', pattern: '^BR-\\d{4}-\\d{6}$' },
    status: { enum: [...REQUEST_STATUSES] },
    types: { type: 'array', items: { enum: [...REQUEST_TYPES] } },
    jurisdiction: { type: 'string' },
    channel: { type: 'string' },
    locale: { type: 'string' },
    receivedAt: dateTime,
    dueAt: dateTime,
    assignee,
    requester,
    details: nullable({ type: 'string' }),
    notes: {
      type: 'array',
      items: exact({ id: uuid, body: { type: 'string' }, author: { type: 'string' }, createdAt: dateTime }),
    },
    tasks: {
      type: 'array',
      items: exact({
        id: uuid,
        type: { type: 'string' },
        status: { enum: ['open', 'running', 'done', 'failed', 'closed'] },
        automated: { type: 'boolean' },
        target: nullable({ type: 'string' }),
        assigneeId: nullable({ type: 'string' }),
        checklist: { type: 'array', items: exact({ label: { type: 'string' }, done: { type: 'boolean' } }) },
        result: nullable({ type: 'string' }),
      }),
    },
    actions: { type: 'array', items: { type: 'string' }, description: 'What the workspace would offer now.' },
  }),
  StaffTaskChange: exact({
    id: uuid,
    requestId: uuid,
    status: { enum: ['open', 'running', 'done', 'failed', 'closed'] },
  }),
};
