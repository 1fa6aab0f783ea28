/**
 * The staff API (/api/v1/staff/…) on real PostgreSQL: keys that act as a staff member (created with
 * scopes that member's role allows, refused once the member is deactivated), the queue with its
 * filters and keyset pages, one request masked or revealed, notes, assignment and task results
 * through the workspace's own domain functions, every call audited with the key's name, the per-key
 * limit, and every answer the OpenAPI document states (each checked against it).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../../lib/api-keys/create-api-key';
import { revokeApiKey } from '../../lib/api-keys/revoke-api-key';
import { rotateApiKey } from '../../lib/api-keys/rotate-api-key';
import { staffIdentity } from '../../lib/auth/current-staff';
import { db, disconnectDb } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { listTasks } from '../../lib/fulfilment/list-tasks';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { addRequestTag } from '../../lib/requests/staff/add-request-tag';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { verifyRequest } from '../../lib/verification/verify-request';
import { seededInventory } from '../support/fulfilment';
import { staffRequestListQuerySchema } from '../../lib/staff-api/protocol/schemas';
import { checkedByContract, contractDocument } from '../support/openapi-contract';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestVerificationToken } from '../support/requests';
import { scopedEnv } from '../support/scoped-env';
import { aStaffIdentity, aStaffMember } from '../support/staff';
import { aRawStaffKey, STAFF_API_OPERATIONS, type StaffApiOperation, staffApiRequest } from '../support/staff-api';

const settings = scopedEnv(['RATE_LIMITS', 'RATE_LIMIT_STAFF_API_PER_KEY']);
let admin: StaffIdentity;
let reviewer: StaffIdentity;
let viewer: StaffIdentity;

beforeEach(async () => {
  await resetDatabase();
  admin = await aStaffIdentity('admin');
  reviewer = await aStaffIdentity('reviewer');
  viewer = await aStaffIdentity('viewer');
});
afterEach(() => settings.restore());

const op = (name: string) => STAFF_API_OPERATIONS.find((o) => o.name === name)!;

/** Calls an operation, every answer checked against the OpenAPI document. */
function call(operation: StaffApiOperation, options: Parameters<typeof staffApiRequest>[1] = {}) {
  const [request, context] = staffApiRequest(operation, options);
  return checkedByContract(operation.handler)(request, context);
}

async function aKey(actsAs: StaffIdentity, scopes: string[], name = 'Ticketing') {
  const created = await createApiKey({ staff: admin, input: { name, scopes: scopes as never, actsAsId: actsAs.id } });
  return created.key;
}

async function started(types: string[] = ['access']) {
  const input = aRequest({ types: types as never });
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  await startRequest({ staff: reviewer, requestId: created.id });
  return { input, ...created };
}

async function aManualTask(requestId: string) {
  const tasks = await listTasks({ staff: reviewer, requestId });
  return tasks.find((t) => !t.automated && t.checklist.length > 0)!;
}

const ALL_STAFF_SCOPES = [
  'requests:read',
  'requests:reveal',
  'notes:write',
  'requests:assign',
  'tasks:write',
  'tasks:complete',
];

describe('staff API keys', () => {
  it('act as a staff member: only scopes that member’s role allows, never a deactivated member', async () => {
    const escalation = createApiKey({
      staff: admin,
      input: { name: 'Viewer bot', scopes: ['requests:read', 'notes:write'], actsAsId: viewer.id },
    });
    await expect(escalation).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { fields: { scopes: [expect.stringMatching(/notes:write/)] } },
    });
    const gone = await aStaffMember('reviewer', { deactivatedAt: new Date() });
    await expect(
      createApiKey({ staff: admin, input: { name: 'Gone', scopes: ['requests:read'], actsAsId: gone.id } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { fields: { actsAsId: expect.any(Array) } } });
    // Without a member named, the admin creating it; without staff scopes, nobody.
    const own = await createApiKey({ staff: admin, input: { name: 'Mine', scopes: ['requests:read'] } });
    expect(own.actsAsId).toBe(admin.id);
    const property = await createApiKey({ staff: admin, input: { name: 'Site', scopes: ['opt-outs:write'] } });
    expect(property.actsAsId).toBeNull();
    const viewerKey = await createApiKey({
      staff: admin,
      input: { name: 'Reader', scopes: ['requests:read'], actsAsId: viewer.id },
    });
    const rotated = await rotateApiKey({ staff: admin, input: { keyId: viewerKey.id } });
    expect(rotated.actsAsId).toBe(viewer.id);
    expect((await call(op('list'), { key: rotated.key })).status).toBe(200);
    expect((await call(op('list'), { key: viewerKey.key })).status).toBe(401);
  });

  it('stop when their staff member is deactivated or the key revoked; a role change bites at once', async () => {
    const member = await aStaffMember('reviewer');
    const acting = (await staffIdentity(member.id))!;
    const key = await aKey(acting, ['requests:read', 'notes:write']);
    const r = await started();
    expect((await call(op('note'), { key, id: r.id, body: { body: 'Checked the CRM' } })).status).toBe(201);
    await db().user.update({ where: { id: member.id }, data: { role: 'viewer' } });
    const demoted = await call(op('note'), { key, id: r.id, body: { body: 'Again' } });
    expect(demoted.status).toBe(403);
    expect((await demoted.json()).error.message).toMatch(/role \(viewer\)/);
    expect((await call(op('list'), { key })).status).toBe(200);
    await db().user.update({ where: { id: member.id }, data: { deactivatedAt: new Date() } });
    const deactivated = await call(op('list'), { key });
    expect(deactivated.status).toBe(401);

    const other = await createApiKey({
      staff: admin,
      input: { name: 'Other', scopes: ['requests:read'], actsAsId: reviewer.id },
    });
    await revokeApiKey({ staff: admin, input: { keyId: other.id } });
    expect((await call(op('list'), { key: other.key })).status).toBe(401);
  });
});

describe('GET /api/v1/staff/requests', () => {
  it('lists the queue masked, filtered, in keyset pages, and audits each call with the key’s name', async () => {
    const key = await aKey(viewer, ['requests:read'], 'Zendesk sync');
    const emails: string[] = [];
    for (let i = 0; i < 51; i += 1) {
      const input = aRequest();
      emails.push(input.email);
      await submitRequest({ input, channel: 'web' });
    }
    const first = await call(op('list'), { key, query: '?status=unverified' });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const page1 = await first.json();
    expect(page1.data).toHaveLength(50);
    expect(page1.nextCursor).toMatch(/^\d+_/);
    expect(page1.data[0].requester.masked).toBe(true);
    expect(emails).not.toContain(page1.data[0].requester.email);
    const second = await (
      await call(op('list'), { key, query: `?status=unverified&after=${page1.nextCursor}` })
    ).json();
    expect(second.data).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const ids = new Set([...page1.data, ...second.data].map((r: { id: string }) => r.id));
    expect(ids.size).toBe(51);

    const r = await started(['deletion']);
    await call(op('assign'), {
      key: await aKey(reviewer, ['requests:assign']),
      id: r.id,
      body: { assigneeId: reviewer.id },
    });
    const reviewerKey = await aKey(reviewer, ['requests:read']);
    const mine = await (await call(op('list'), { key: reviewerKey, query: '?assignee=me&type=deletion' })).json();
    expect(mine.data.map((x: { id: string }) => x.id)).toEqual([r.id]);

    const calls = await db().auditEvent.findMany({ where: { action: 'staff-api.called', actorId: viewer.id } });
    expect(calls).toHaveLength(2);
    expect(calls[0].data).toMatchObject({ operation: 'listStaffRequests', status: 200, keyName: 'Zendesk sync' });
    expect(calls[0].userAgent).toBe('staff-api-test');
  });

  it('filters by staff tag, a parameter the document states like every other it accepts', async () => {
    const key = await aKey(viewer, ['requests:read']);
    const vip = await started();
    const media = await started();
    await started(); // untagged
    await addRequestTag({ staff: reviewer, requestId: vip.id, tag: 'vip' });
    await addRequestTag({ staff: reviewer, requestId: media.id, tag: 'media-inquiry' });
    await addRequestTag({ staff: reviewer, requestId: media.id, tag: 'vip-press' }); // not `vip`: the whole tag
    const ids = async (query: string) =>
      ((await (await call(op('list'), { key, query })).json()).data as { id: string }[]).map((r) => r.id);
    expect(await ids('?tag=vip')).toEqual([vip.id]);
    expect(await ids('?tag=media-inquiry&type=access')).toEqual([media.id]);
    expect(await ids('?tag=vip&assignee=none')).toEqual([]); // started requests are assigned
    expect(await ids('?tag=nobody-has-this')).toEqual([]);
    expect(await ids('?status=in_progress')).toHaveLength(3);

    const documented = contractDocument().doc.paths['/api/v1/staff/requests'].get as unknown as {
      parameters: { name: string }[];
    };
    expect(documented.parameters.map((p) => p.name).sort()).toEqual(
      Object.keys(staffRequestListQuerySchema.shape).sort(),
    );
  });

  it('answers 422 for an unknown or wrong parameter: no search by email in a URL', async () => {
    const key = await aKey(viewer, ['requests:read']);
    for (const query of [
      '?q=someone@example.com',
      '?status=lost',
      '?after=yesterday',
      '?assignee=nobody',
      '?tag=VIP',
      `?tag=${'a'.repeat(41)}`,
    ]) {
      const res = await call(op('list'), { key, query });
      expect(res.status, query).toBe(422);
      expect((await res.json()).error.code).toBe('INVALID_INPUT');
    }
  });
});

describe('GET /api/v1/staff/requests/{id}', () => {
  it('shows a request masked, with its notes and tasks; unmasked and audited as a reveal with requests:reveal', async () => {
    await seededInventory();
    const r = await started(['access']);
    const masked = await call(op('get'), { key: await aKey(reviewer, ['requests:read']), id: r.id });
    expect(masked.status).toBe(200);
    const body = await masked.json();
    expect(body).toMatchObject({ id: r.id, status: 'in_progress', requester: { masked: true } });
    expect(body.requester.email).not.toBe(r.input.email);
    expect(body.tasks.length).toBeGreaterThan(0);
    expect(await db().auditEvent.count({ where: { action: 'requester.revealed' } })).toBe(0);

    const revealing = await aKey(reviewer, ['requests:read', 'requests:reveal'], 'CRM');
    const revealed = await (await call(op('get'), { key: revealing, id: r.id })).json();
    expect(revealed.requester).toEqual({ email: r.input.email, name: r.input.name, masked: false });
    const reveal = await db().auditEvent.findFirstOrThrow({ where: { action: 'requester.revealed' } });
    expect(reveal).toMatchObject({ requestId: r.id, actorId: reviewer.id });
    const audited = await db().auditEvent.findFirstOrThrow({
      where: { action: 'staff-api.called', requestId: r.id, actorId: reviewer.id },
      orderBy: { id: 'desc' },
    });
    expect(audited.data).toMatchObject({ operation: 'getStaffRequest', keyName: 'CRM', status: 200 });
  });

  it('hides free text from a viewer’s key, refuses a reveal the role lacks, and answers 404 for an unknown id', async () => {
    const r = await started(['correction']);
    await call(op('note'), { key: await aKey(reviewer, ['notes:write']), id: r.id, body: { body: 'Private' } });
    const seen = await (await call(op('get'), { key: await aKey(viewer, ['requests:read']), id: r.id })).json();
    expect(seen.notes).toEqual([]);
    const demotedReveal = await aRawStaffKey({
      actsAsId: viewer.id,
      scopes: ['requests:read', 'requests:reveal'],
      createdById: admin.id,
    });
    expect((await call(op('get'), { key: demotedReveal.key, id: r.id })).status).toBe(403);
    const unknown = await call(op('get'), { key: await aKey(viewer, ['requests:read']), id: crypto.randomUUID() });
    expect(unknown.status).toBe(404);
  });
});

describe('writes through the workspace’s domain functions', () => {
  it('adds a note as the key’s staff member (201), audited with the key’s name; 422 and 404', async () => {
    const r = await started();
    const key = await aKey(reviewer, ['notes:write'], 'Jira');
    const res = await call(op('note'), { key, id: r.id, body: { body: 'Asked the billing team' } });
    expect(res.status).toBe(201);
    const created = await res.json();
    const note = await db().requestNote.findUniqueOrThrow({ where: { id: created.id } });
    expect(note).toMatchObject({ requestId: r.id, authorId: reviewer.id, body: 'Asked the billing team' });
    expect(
      await db().auditEvent.count({ where: { action: 'note.added', requestId: r.id, actorId: reviewer.id } }),
    ).toBe(1);
    const audited = await db().auditEvent.findFirstOrThrow({ where: { action: 'staff-api.called', requestId: r.id } });
    expect(audited.data).toMatchObject({ operation: 'addStaffNote', keyName: 'Jira', status: 201 });

    const empty = await call(op('note'), { key, id: r.id, body: { body: '  ' } });
    expect(empty.status).toBe(422);
    expect((await empty.json()).error.fields.body).toBeDefined();
    expect((await call(op('note'), { key, id: r.id, body: { body: 'x', extra: 1 } })).status).toBe(422);
    expect((await call(op('note'), { key, id: crypto.randomUUID(), body: { body: 'x' } })).status).toBe(404);
  });

  it('assigns and unassigns (the assignee emailed), 422 for someone who cannot work requests, 409 once closed', async () => {
    const r = await started();
    const colleague = await aStaffMember('reviewer');
    const key = await aKey(admin, ['requests:assign']);
    const res = await call(op('assign'), { key, id: r.id, body: { assigneeId: colleague.id } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ requestId: r.id, assigneeId: colleague.id });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).assigneeId).toBe(colleague.id);
    expect(await db().outboxEmail.count({ where: { to: colleague.email, template: 'staff-notice' } })).toBe(1);
    expect((await call(op('assign'), { key, id: r.id, body: { assigneeId: null } })).status).toBe(200);
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).assigneeId).toBeNull();

    const toViewer = await call(op('assign'), { key, id: r.id, body: { assigneeId: viewer.id } });
    expect(toViewer.status).toBe(422);
    expect((await toViewer.json()).error.fields.assigneeId).toBeDefined();
    expect((await call(op('assign'), { key, id: r.id, body: {} })).status).toBe(422);
    expect((await call(op('assign'), { key, id: crypto.randomUUID(), body: { assigneeId: null } })).status).toBe(404);

    await db().privacyRequest.update({ where: { id: r.id }, data: { status: 'completed', closedAt: new Date() } });
    const closed = await call(op('assign'), { key, id: r.id, body: { assigneeId: reviewer.id } });
    expect(closed.status).toBe(409);
  });

  it('assigns a task to a reviewer (audited as the workspace does), 422 for a viewer, 404, 409 once finished', async () => {
    await seededInventory();
    const r = await started(['access']);
    const task = await aManualTask(r.id);
    const key = await aKey(admin, ['requests:assign']);
    const res = await call(op('assign-task'), { key, id: task.id, body: { assigneeId: reviewer.id } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: task.id, requestId: r.id, assigneeId: reviewer.id });
    expect((await db().fulfilmentTask.findUniqueOrThrow({ where: { id: task.id } })).assigneeId).toBe(reviewer.id);
    expect(await db().auditEvent.count({ where: { action: 'task.assigned', actorId: admin.id } })).toBe(1);
    const toViewer = await call(op('assign-task'), { key, id: task.id, body: { assigneeId: viewer.id } });
    expect(toViewer.status).toBe(422);
    expect((await toViewer.json()).error.fields.assigneeId).toBeDefined();
    expect((await call(op('assign-task'), { key, id: crypto.randomUUID(), body: { assigneeId: null } })).status).toBe(
      404,
    );
    await db().fulfilmentTask.update({ where: { id: task.id }, data: { status: 'done', completedAt: new Date() } });
    expect((await call(op('assign-task'), { key, id: task.id, body: { assigneeId: null } })).status).toBe(409);
  });

  it('saves a manual task’s checklist and result, completes it only when every step is done, then 409', async () => {
    await seededInventory();
    const r = await started(['access']);
    const task = await aManualTask(r.id);
    const writer = await aKey(reviewer, ['tasks:write']);
    const completer = await aKey(reviewer, ['tasks:complete'], 'Runbook bot');
    const steps = task.checklist.map((_, i) => i);

    const saved = await call(op('task'), { key: writer, id: task.id, body: { done: [0], result: 'Exported half' } });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ id: task.id, requestId: r.id, status: 'open' });
    const row = await db().fulfilmentTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(row.result).toBe('Exported half');
    expect(await db().auditEvent.count({ where: { action: 'task.updated', actorId: reviewer.id } })).toBe(1);

    const unticked = await call(op('complete'), { key: completer, id: task.id, body: { done: [], result: 'Done' } });
    expect(unticked.status).toBe(422);
    expect((await unticked.json()).error.fields.done).toBeDefined();
    expect((await call(op('task'), { key: writer, id: task.id, body: { done: ['first'] } })).status).toBe(422);
    // Saving progress is not completing it: the write scope alone cannot finish a task.
    expect(
      (await call(op('complete'), { key: writer, id: task.id, body: { done: steps, result: 'All' } })).status,
    ).toBe(403);

    const done = await call(op('complete'), {
      key: completer,
      id: task.id,
      body: { done: steps, result: 'Exported all' },
    });
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ id: task.id, requestId: r.id, status: 'done' });
    const audited = await db().auditEvent.findFirstOrThrow({
      where: {
        action: 'staff-api.called',
        requestId: r.id,
        data: { path: ['operation'], equals: 'completeStaffTask' },
      },
    });
    expect(audited.data).toMatchObject({ keyName: 'Runbook bot', taskId: task.id, status: 200 });

    expect(
      (await call(op('complete'), { key: completer, id: task.id, body: { done: steps, result: 'Again' } })).status,
    ).toBe(409);
    expect((await call(op('task'), { key: writer, id: task.id, body: { done: [] } })).status).toBe(409);
    expect((await call(op('task'), { key: writer, id: crypto.randomUUID(), body: { done: [] } })).status).toBe(404);
    expect((await call(op('complete'), { key: completer, id: crypto.randomUUID(), body: { done: [] } })).status).toBe(
      404,
    );
  });
});

describe('every operation: the answers the document states beyond the happy path', () => {
  it('401 without a key, with a malformed one, and with a revoked one; 403 without the scope or for a key that acts as nobody', async () => {
    const property = await createApiKey({ staff: admin, input: { name: 'Site', scopes: ['opt-outs:write'] } });
    const revoked = await createApiKey({ staff: admin, input: { name: 'Old', scopes: ALL_STAFF_SCOPES as never } });
    await revokeApiKey({ staff: admin, input: { keyId: revoked.id } });
    for (const operation of STAFF_API_OPERATIONS) {
      const body = operation.hasBody ? {} : undefined;
      for (const key of [null, 'bsk_nothing', revoked.key]) {
        const res = await call(operation, { key, body });
        expect(res.status, `${operation.name} ${key}`).toBe(401);
        expect((await res.json()).error.code).toBe('UNAUTHORIZED');
      }
      expect((await call(operation, { key: property.key, body })).status, operation.name).toBe(403);
      const others = ALL_STAFF_SCOPES.filter((s) => s !== operation.handler.scope);
      const unscoped = await aKey(admin, others);
      const res = await call(operation, { key: unscoped, body });
      expect(res.status, operation.name).toBe(403);
      expect((await res.json()).error.message).toContain(operation.handler.scope);
    }
  });

  it('400, 413 and 415 for a body that is not JSON, too large, or not sent as JSON', async () => {
    const key = await aKey(admin, ALL_STAFF_SCOPES);
    for (const operation of STAFF_API_OPERATIONS.filter((o) => o.hasBody)) {
      expect((await call(operation, { key, body: '{"body": ' })).status, operation.name).toBe(400);
      expect(
        (await call(operation, { key, body: JSON.stringify({ body: 'x'.repeat(70_000) }) })).status,
        operation.name,
      ).toBe(413);
      expect((await call(operation, { key, body: 'body=x', contentType: 'text/plain' })).status, operation.name).toBe(
        415,
      );
    }
  });

  it('429 with Retry-After past the per-key limit, other keys unaffected; the refusals are not audited', async () => {
    settings.set({ RATE_LIMITS: 'true', RATE_LIMIT_STAFF_API_PER_KEY: '1' });
    for (const operation of STAFF_API_OPERATIONS) {
      const key = await aKey(admin, ALL_STAFF_SCOPES);
      const body = operation.hasBody ? {} : undefined;
      expect((await call(operation, { key, body })).status, operation.name).not.toBe(429);
      const limited = await call(operation, { key, body });
      expect(limited.status, operation.name).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    }
    expect(
      await db().auditEvent.count({ where: { action: 'staff-api.called', data: { path: ['status'], equals: 429 } } }),
    ).toBe(0);
    expect((await call(op('list'), { key: await aKey(admin, ['requests:read']) })).status).toBe(200);
  });

  it('503 with Retry-After while the database is away', async () => {
    const key = await aKey(admin, ALL_STAFF_SCOPES);
    const realUrl = process.env.DATABASE_URL;
    try {
      await disconnectDb();
      process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:9/nowhere';
      resetEnvCache();
      for (const operation of STAFF_API_OPERATIONS) {
        const res = await call(operation, { key, body: operation.hasBody ? {} : undefined });
        expect(res.status, operation.name).toBe(503);
        expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      }
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = realUrl;
      resetEnvCache();
    }
  });
});
