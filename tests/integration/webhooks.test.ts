/**
 * Outbound webhooks (lib/webhooks/, docs/decisions/020) against a local HTTP receiver that fails,
 * hangs and succeeds, with the real job queue: events written in the transaction of the change,
 * Standard Webhooks signatures, retries with exponential backoff under one event id, the delivery
 * log, disabling after failures in a row with an alert, and the SSRF guard.
 */
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { notifyDeadline } from '../../lib/clock/notify-deadline';
import { assignRequest } from '../../lib/requests/staff/assign-request';
import { denyRequest } from '../../lib/requests/staff/deny-request';
import { db } from '../../lib/db';
import { env } from '../../lib/env';
import { recordAuditEvent } from '../../lib/audit/record-audit-event';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { verifyRequest } from '../../lib/verification/verify-request';
import { changeWebhookEndpoint } from '../../lib/webhooks/change-webhook-endpoint';
import { createWebhookEndpoint } from '../../lib/webhooks/create-webhook-endpoint';
import { WEBHOOK_EVENT_TYPES } from '../../lib/webhooks/event-types';
import { listWebhookEndpoints } from '../../lib/webhooks/list-webhook-endpoints';
import { rotateWebhookSecret } from '../../lib/webhooks/rotate-webhook-secret';
import { sendTestWebhook } from '../../lib/webhooks/send-test-webhook';
import { updateWebhookEvents } from '../../lib/webhooks/update-webhook-events';
import { openApiDocument } from '../../lib/requests/openapi';
import { webhookPayload } from '../../lib/webhooks/webhook-payload';
import { advanceQueueTo, runDueJobs } from '../support/jobs';
import { schemaAt } from '../support/openapi-contract';
import { queuedJobs, resetDatabase } from '../support/reset-database';
import { latestVerificationToken, submitted } from '../support/requests';
import { scopedEnv } from '../support/scoped-env';
import { aStaffIdentity, aStaffMember } from '../support/staff';
import { startWebhookReceiver } from '../support/webhook-receiver';

const settings = scopedEnv(['WEBHOOK_PRIVATE_NETWORKS', 'WEBHOOK_DISABLE_AFTER_FAILURES', 'WEBHOOK_TIMEOUT_SECONDS']);
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let admin: StaffIdentity;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});

beforeEach(async () => {
  await resetDatabase();
  settings.set({ WEBHOOK_PRIVATE_NETWORKS: 'true', WEBHOOK_TIMEOUT_SECONDS: '1', WEBHOOK_DISABLE_AFTER_FAILURES: '3' });
  admin = await aStaffIdentity('admin');
  receiver.received.length = 0;
  receiver.answer({ status: 200, body: 'ok' });
});
afterEach(() => settings.restore());

async function anEndpoint(events: string[] = ['request.created', 'request.verified'], url = receiver.url) {
  return createWebhookEndpoint({ staff: admin, input: { name: 'Ticketing', url, events } });
}

async function delivery(endpointId: string) {
  return db().webhookDelivery.findFirstOrThrow({ where: { endpointId }, orderBy: { createdAt: 'desc' } });
}

/** Seconds from now until the queued delivery job runs again. */
/**
 * How long until the delivery's job runs again, read on PostgreSQL's clock: graphile-worker sets the
 * backoff with now() there, and under TEST_NOW the two clocks are only shifted alike to the second.
 */
async function secondsUntilRetry() {
  const jobs = await queuedJobs('deliver-webhook');
  expect(jobs).toHaveLength(1);
  const [{ seconds }] = await db().$queryRaw<{ seconds: number }[]>`
    SELECT extract(epoch FROM run_at - now())::float8 AS seconds FROM graphile_worker._private_jobs WHERE id = ${jobs[0].id}`;
  return seconds;
}

describe('webhook events', () => {
  it('list the same audit actions as the database trigger', async () => {
    for (const { type, auditActions } of WEBHOOK_EVENT_TYPES)
      for (const action of auditActions) {
        const [row] = await db().$queryRaw<{ t: string | null }[]>`SELECT webhook_event_type(${action}) AS t`;
        expect(row.t, action).toBe(type);
      }
    const [none] = await db().$queryRaw<{ t: string | null }[]>`SELECT webhook_event_type('note.added') AS t`;
    expect(none.t).toBeNull();
  });

  it('reach the endpoint signed, one event id per event, with no personal data', async () => {
    const endpoint = await anEndpoint();
    const { input, created } = await submitted();
    await verifyRequest({ token: await latestVerificationToken(input.email) });
    await runDueJobs();

    expect(receiver.received).toHaveLength(2);
    const request = await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } });
    const wh = new Webhook(endpoint.secret);
    const bodies = receiver.received.map(({ headers, body }) => {
      const verified = wh.verify(body, headers as Record<string, string>) as { id: string; type: string; data: object };
      expect(headers['webhook-id']).toBe(verified.id);
      expect(body).not.toContain(input.email);
      if (input.name) expect(body).not.toContain(input.name);
      return verified;
    });
    expect(bodies.map((b) => b.type).sort()).toEqual(['request.created', 'request.verified']);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(2);
    const verifiedEvent = bodies.find((b) => b.type === 'request.verified');
    expect(verifiedEvent).toMatchObject({
      data: {
        request: {
          id: created.id,
          reference: created.reference,
          types: input.types,
          regime: input.jurisdiction,
          status: request.status,
          dueAt: request.dueAt.toISOString(),
        },
      },
    });
    expect(Object.keys(verifiedEvent?.data ?? {})).toEqual(['request']);
    // Tampering with the body or its timestamp breaks the signature.
    const { headers, body } = receiver.received[0];
    expect(() => wh.verify(`${body} `, headers as Record<string, string>)).toThrow();
    expect(() => new Webhook(`whsec_${Buffer.alloc(32).toString('base64')}`).verify(body, headers as never)).toThrow();

    const matchesDocument = schemaAt('components', 'schemas', 'WebhookEvent');
    for (const { body: delivered } of receiver.received)
      expect(matchesDocument(JSON.parse(delivered)), JSON.stringify(matchesDocument.errors)).toBe(true);

    const [listed] = await listWebhookEndpoints({ staff: admin });
    expect(listed.deliveries.map((d) => d.status)).toEqual(['delivered', 'delivered']);
    expect(listed).toMatchObject({ lastStatusCode: 200, lastResponse: 'ok', consecutiveFailures: 0 });
    expect(listed).not.toHaveProperty('secretSealed');
  });

  it('are written in the transaction of the change: a rolled-back change has none', async () => {
    await anEndpoint(['request.completed']);
    const { created } = await submitted();
    await expect(
      db().$transaction(async (tx) => {
        await recordAuditEvent(tx, { requestId: created.id, action: 'request.completed', actor: { type: 'system' } });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await db().webhookEvent.count()).toBe(0);
    await db().$transaction((tx) =>
      recordAuditEvent(tx, { requestId: created.id, action: 'request.completed', actor: { type: 'system' } }),
    );
    expect(await db().webhookEvent.count({ where: { type: 'request.completed' } })).toBe(1);
    expect(await queuedJobs('deliver-webhook')).toHaveLength(1);
  });

  it('are not written when no enabled endpoint wants them', async () => {
    const endpoint = await anEndpoint(['request.completed']);
    await submitted();
    expect(await db().webhookEvent.count()).toBe(0);
    await updateWebhookEvents({ staff: admin, input: { endpointId: endpoint.id, events: ['request.created'] } });
    await changeWebhookEndpoint({ staff: admin, change: 'disable', input: { endpointId: endpoint.id } });
    await submitted();
    expect(await db().webhookEvent.count()).toBe(0);
    await changeWebhookEndpoint({ staff: admin, change: 'enable', input: { endpointId: endpoint.id } });
    await submitted();
    expect(await db().webhookEvent.count({ where: { type: 'request.created' } })).toBe(1);
  });

  it('come from the staff actions that make them: an assignment, then a denial with its final status', async () => {
    await anEndpoint(['request.assigned', 'request.denied']);
    const reviewer = await aStaffIdentity('reviewer');
    const { input, created } = await submitted({ jurisdiction: 'UK' });
    await verifyRequest({ token: await latestVerificationToken(input.email) });
    await assignRequest({ staff: admin, requestId: created.id, assigneeId: reviewer.id });
    await denyRequest({
      staff: reviewer,
      requestId: created.id,
      reason: 'cannot_verify',
      partial: false,
      message: 'We could not match you to an account.',
    });
    await runDueJobs();
    const bodies = receiver.received.map((r) => JSON.parse(r.body));
    // Sorted by type: the worker may deliver the two in either order.
    expect(bodies.map((b) => [b.type, b.data.request.status]).sort()).toEqual([
      ['request.assigned', expect.any(String)],
      ['request.denied', 'denied'],
    ]);
    expect(receiver.received.map((r) => r.body).join()).not.toContain('We could not match you');
  });

  it('come from the deadline job when a request is due soon and when it is overdue', async () => {
    await anEndpoint(['request.due_soon', 'request.overdue']);
    const { input, created } = await submitted();
    await verifyRequest({ token: await latestVerificationToken(input.email) });
    const request = await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } });
    const dueAt = request.dueAt.toISOString();
    await notifyDeadline({
      requestId: created.id,
      kind: 'reminder',
      dueAt,
      now: new Date(request.dueAt.getTime() - 7 * 86_400_000),
    });
    await notifyDeadline({
      requestId: created.id,
      kind: 'overdue',
      dueAt,
      now: new Date(request.dueAt.getTime() + 1000),
    });
    const events = await db().webhookEvent.findMany({ orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(['request.due_soon', 'request.overdue']);
    expect(events[1].data).toMatchObject({ dueAt, status: request.status });
  });
});

describe('the OpenAPI document', () => {
  it('describes every event type as a webhook whose body is a WebhookEvent, and refuses other shapes', () => {
    const doc = openApiDocument() as unknown as { webhooks: Record<string, { post: { requestBody: unknown } }> };
    expect(Object.keys(doc.webhooks).sort()).toEqual(
      [...WEBHOOK_EVENT_TYPES.map((e) => e.type), 'webhook.test'].sort(),
    );
    const matchesDocument = schemaAt('components', 'schemas', 'WebhookEvent');
    const event = {
      id: '6f1c1d1e-5b7a-4c1e-9a53-0f9e5c2b7d10',
      type: 'request.denied',
      createdAt: new Date('2026-12-03T10:00:00Z'),
      data: { status: 'denied', dueAt: '2027-01-03T10:00:00.000Z', partial: true, task: { id: null, type: 'erase' } },
      request: {
        id: '0b7c2d4e-8f9a-4b1c-8d2e-3f4a5b6c7d8e',
        number: 12,
        receivedAt: new Date('2026-12-01T09:00:00Z'),
        types: ['access'],
        jurisdiction: 'UK',
      },
    };
    expect(matchesDocument(webhookPayload(event)), JSON.stringify(matchesDocument.errors)).toBe(true);
    expect(matchesDocument({ ...webhookPayload(event), email: 'someone@example.com' })).toBe(false);
  });
});

describe('webhook delivery', () => {
  it('retries a failing, then hanging receiver with exponential backoff under the same event id, then logs the answer', async () => {
    const endpoint = await anEndpoint();
    receiver.answer({ status: 500, body: 'down' }, 'hang', { status: 200, body: 'x'.repeat(5000) });
    const { eventId } = await sendTestWebhook({ staff: admin, input: { endpointId: endpoint.id } });

    await runDueJobs();
    expect(await delivery(endpoint.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      lastResponse: 'down',
    });
    const first = await secondsUntilRetry();
    expect(first).toBeGreaterThan(1.5); // exp(1) ≈ 2.7 s
    expect(first).toBeLessThan(3.5);

    await advanceQueueTo(new Date(Date.now() + 3600_000));
    await runDueJobs();
    expect(await delivery(endpoint.id)).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: null });
    expect((await delivery(endpoint.id)).lastError).toMatch(/No answer within 1 s/);
    const second = await secondsUntilRetry();
    expect(second).toBeGreaterThan(6); // exp(2) ≈ 7.4 s
    expect(second).toBeLessThan(8.5);
    expect((await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).consecutiveFailures).toBe(2);

    await advanceQueueTo(new Date(Date.now() + 3600_000));
    await runDueJobs();
    const done = await delivery(endpoint.id);
    expect(done).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 });
    expect(done.lastResponse).toHaveLength(1024);
    expect(done.lastDurationMs).toBeGreaterThanOrEqual(0);
    expect(await queuedJobs('deliver-webhook')).toHaveLength(0);

    expect(receiver.received).toHaveLength(3);
    const wh = new Webhook(endpoint.secret);
    for (const { headers, body } of receiver.received) {
      expect(headers['webhook-id']).toBe(eventId);
      expect(wh.verify(body, headers as Record<string, string>)).toMatchObject({ id: eventId, type: 'webhook.test' });
    }
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    const stored = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(stored).toMatchObject({ consecutiveFailures: 0, lastStatusCode: 200, enabled: true });
  });

  it('disables an endpoint after failures in a row, tells the admins once, and skips what was queued', async () => {
    const endpoint = await anEndpoint();
    const other = await aStaffMember('admin');
    receiver.answer({ status: 503, body: 'unavailable' });
    for (let i = 0; i < 3; i += 1) {
      await sendTestWebhook({ staff: admin, input: { endpointId: endpoint.id } });
      await runDueJobs();
    }
    const stored = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(stored).toMatchObject({ enabled: false, disabledReason: 'failures', consecutiveFailures: 3 });
    const audit = await db().auditEvent.findMany({ where: { action: 'webhook.endpoint_disabled' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: 'system', data: { endpointId: endpoint.id, failures: 3 } });
    const alerts = await db().outboxEmail.findMany({ where: { subject: { contains: 'was disabled' } } });
    expect(alerts.map((a) => a.to).sort()).toEqual([admin.email, other.email].sort());
    expect(alerts[0].text).toContain('/admin/webhooks');

    // The retries queued before it was disabled send nothing.
    await advanceQueueTo(new Date(Date.now() + 86_400_000));
    await runDueJobs();
    expect(receiver.received).toHaveLength(3);
    const deliveries = await db().webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(deliveries.map((d) => d.status)).toEqual(['skipped', 'skipped', 'skipped']);
    await expect(sendTestWebhook({ staff: admin, input: { endpointId: endpoint.id } })).rejects.toThrow(/Enable/);

    // Enabled again, it starts afresh.
    await changeWebhookEndpoint({ staff: admin, change: 'enable', input: { endpointId: endpoint.id } });
    expect(await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
      disabledAt: null,
    });
  });

  it('refuses a private address unless WEBHOOK_PRIVATE_NETWORKS allows it (SSRF)', async () => {
    const endpoint = await anEndpoint();
    settings.set({ WEBHOOK_PRIVATE_NETWORKS: 'false', WEBHOOK_DISABLE_AFTER_FAILURES: '3' });
    for (const url of [
      receiver.url,
      'http://localhost:9/x',
      'http://[::1]/x',
      'http://169.254.169.254/latest/meta-data',
    ])
      await expect(anEndpoint(['request.created'], url), url).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { fields: { url: [expect.stringMatching(/public address/)] } },
      });

    // Saved while allowed, then refused at delivery, without a retry, and the receiver hears nothing.
    await sendTestWebhook({ staff: admin, input: { endpointId: endpoint.id } });
    await runDueJobs();
    const refused = await delivery(endpoint.id);
    expect(refused).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: null });
    expect(refused.lastError).toMatch(/^Refused: .*private/);
    expect(receiver.received).toHaveLength(0);
    expect(await queuedJobs('deliver-webhook')).toHaveLength(0);
  });
});

describe('webhook endpoints', () => {
  it('keep the secret sealed, show it once, and audit every change without it', async () => {
    const endpoint = await anEndpoint();
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const [row] = await db().$queryRaw<{ secret_sealed: string }[]>`SELECT secret_sealed FROM webhook_endpoint`;
    // Sealed under the storage key in force, which it names (docs/decisions/022).
    expect(row.secret_sealed).toMatch(new RegExp(`^v2\\.${env().storageKeys[0].id}\\.`));
    expect(row.secret_sealed).not.toContain(endpoint.secret.slice(6, 20));

    const { secret } = await rotateWebhookSecret({ staff: admin, input: { endpointId: endpoint.id } });
    expect(secret).not.toBe(endpoint.secret);
    await sendTestWebhook({ staff: admin, input: { endpointId: endpoint.id } });
    await runDueJobs();
    const [{ headers, body }] = receiver.received;
    expect(new Webhook(secret).verify(body, headers as Record<string, string>)).toMatchObject({ type: 'webhook.test' });
    expect(() => new Webhook(endpoint.secret).verify(body, headers as Record<string, string>)).toThrow();

    await updateWebhookEvents({ staff: admin, input: { endpointId: endpoint.id, events: ['task.failed'] } });
    await changeWebhookEndpoint({ staff: admin, change: 'disable', input: { endpointId: endpoint.id } });
    await changeWebhookEndpoint({ staff: admin, change: 'enable', input: { endpointId: endpoint.id } });
    await changeWebhookEndpoint({ staff: admin, change: 'delete', input: { endpointId: endpoint.id } });
    expect(await db().webhookDelivery.count()).toBe(0);

    const audit = await db().auditEvent.findMany({
      where: { action: { startsWith: 'webhook.' } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual([
      'webhook.endpoint_created',
      'webhook.secret_rotated',
      'webhook.test_sent',
      'webhook.endpoint_events_changed',
      'webhook.endpoint_disabled',
      'webhook.endpoint_enabled',
      'webhook.endpoint_deleted',
    ]);
    for (const a of audit) {
      expect(a).toMatchObject({ actorType: 'staff', actorId: admin.id });
      expect(JSON.stringify(a.data)).not.toContain('whsec_');
    }
  });

  it('are managed by admins only', async () => {
    for (const role of ['reviewer', 'viewer'] as const) {
      const staff = await aStaffIdentity(role);
      await expect(
        createWebhookEndpoint({ staff, input: { name: 'x', url: receiver.url, events: ['request.created'] } }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(listWebhookEndpoints({ staff })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await db().webhookEndpoint.count()).toBe(0);
  });
});
