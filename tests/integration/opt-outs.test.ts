/**
 * Opt-outs need no verification (lib/verification/opt-outs.ts): on real PostgreSQL with the seeded
 * inventory (the Account database's PostgreSQL connector on this run's demo database, and two manual
 * systems that stop marketing email), an unsubscribe is acted on at receipt and completes by itself once
 * every system has acted; in a request that also asks for more, only the opt-out part proceeds at once.
 * Each split type (unsubscribe, opt-out of sale/sharing, limit, objection) gets its own tasks and words.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as statusPage } from '../../app/(public)/status/[id]/route';
import { db } from '../../lib/db';
import { env, resetEnvCache } from '../../lib/env';
import { listTasks } from '../../lib/fulfilment/list-tasks';
import { finishAutomatedTask } from '../../lib/fulfilment/run-task';
import { updateManualTask } from '../../lib/fulfilment/update-manual-task';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { getRequestStatus } from '../../lib/requests/get-request-status';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { verifyRequest } from '../../lib/verification/verify-request';
import { seededInventory } from '../support/fulfilment';
import { runDueJobs } from '../support/jobs';
import { queuedJobs, resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';

let reviewer: StaffIdentity;
const now = new Date(process.env.TEST_NOW ?? Date.now());

beforeAll(async () => {
  process.env.STORAGE_ROOT = await mkdtemp(path.join(os.tmpdir(), 'portal-opt-outs-'));
  resetEnvCache();
});

beforeEach(async () => {
  await resetDatabase();
  reviewer = await aStaffIdentity('reviewer');
  await seededInventory();
});

const keys = (tasks: Awaited<ReturnType<typeof listTasks>>) =>
  tasks.map((t) => `${t.system?.key}:${t.type}:${t.automated ? 'auto' : 'manual'}`).sort();
const SUPPRESS_TASKS = ['accounts:suppress:auto', 'analytics:suppress:manual', 'communications:suppress:manual'];

/** The opt-out confirmation email to `email` and its status link. */
async function optOutStatusLink(email: string) {
  const row = await db().outboxEmail.findFirstOrThrow({ where: { to: email, template: 'opt-out-received' } });
  return { ...(await latestStatusLink(email, 'opt-out-received')), email: row };
}

async function statusPageText(requestId: string, token: string) {
  const res = await statusPage(new Request(`http://portal.test/status/${requestId}?token=${token}`), {
    params: Promise.resolve({ id: requestId }),
  });
  expect(res.status).toBe(200);
  return res.text();
}

/** What a person does on a manual task: every step ticked, a result written, marked done. */
async function finishManualTasks(requestId: string) {
  for (const task of (await listTasks({ staff: reviewer, requestId })).filter((t) => !t.automated)) {
    const steps = task.checklist.map((_, i) => i);
    await updateManualTask({ staff: reviewer, taskId: task.id, done: steps, result: 'Suppressed.', finish: true });
  }
}

describe('a request that only opts out', () => {
  it('is acted on at receipt: no verification link, tasks at once, a confirmation with a working status link', async () => {
    const input = aRequest({ types: ['unsubscribe'], jurisdiction: 'US-CA' });
    const created = await submitRequest({ input, channel: 'web', now });
    expect(created).toMatchObject({
      status: 'in_progress',
      verificationRequired: false,
      actedOnAtReceipt: ['unsubscribe'],
    });

    const row = await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ status: 'in_progress', verifiedAt: null, unverifiedSlot: null, acknowledgedAt: now });
    expect(await db().verificationLink.count({ where: { requestId: created.id } })).toBe(0);
    expect(await db().outboxEmail.count({ where: { to: input.email, template: 'verify-request' } })).toBe(0);
    expect(await queuedJobs('expire-unverified-request')).toEqual([]);
    expect(await queuedJobs('acknowledge-request')).toEqual([]);

    expect(keys(await listTasks({ staff: reviewer, requestId: created.id }))).toEqual(SUPPRESS_TASKS);
    const audit = await db().auditEvent.findMany({ where: { requestId: created.id }, orderBy: { id: 'asc' } });
    expect(audit.map((e) => [e.action, e.actorType])).toEqual([
      ['request.submitted', 'requester'],
      ['tasks.created', 'system'],
    ]);

    const link = await optOutStatusLink(input.email);
    expect(link.requestId).toBe(created.id);
    expect(link.email.subject).toBe(`We are acting on your unsubscribe request ${created.reference}`);
    expect(link.email.text).toMatch(/needs no confirmation/);
    expect(link.email.text).toMatch(/we stop sending marketing email to this address/);
    const page = await statusPageText(link.requestId, link.token);
    expect(page).toContain('Unsubscribe request received — being applied');
    expect(page).toContain(created.reference);
  });

  it('does not take one of the address’s places for unconfirmed requests', async () => {
    const email = `capped.${Date.now()}@example.com`;
    const max = env().MAX_UNVERIFIED_PER_EMAIL;
    for (let i = 0; i < max; i += 1) await submitRequest({ input: aRequest({ email }), channel: 'web', now });
    await expect(submitRequest({ input: aRequest({ email }), channel: 'web', now })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    // Every place is taken, and an opt-out is still taken in, and takes none.
    const optOut = await submitRequest({ input: aRequest({ email, types: ['unsubscribe'] }), channel: 'web', now });
    expect(optOut.status).toBe('in_progress');
    expect(await db().privacyRequest.count({ where: { email, status: 'unverified' } })).toBe(max);
  });

  it('completes by itself, audited, once every system has acted, and the status page says "Unsubscribed"', async () => {
    const input = aRequest({ types: ['unsubscribe'], jurisdiction: 'UK' });
    const created = await submitRequest({ input, channel: 'api', now });
    const link = await optOutStatusLink(input.email);

    await runDueJobs(); // the Account database's connector, on the demo database
    const afterConnector = await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(afterConnector.status).toBe('in_progress');
    expect((await getRequestStatus({ requestId: created.id, token: link.token })).optOut).toEqual({
      types: ['unsubscribe'],
      only: true,
      honoredAt: null,
    });

    await finishManualTasks(created.id);
    const done = await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(done.status).toBe('completed');
    expect(done.closedAt).not.toBeNull();
    expect(done.decidedById).toBeNull();
    const completed = await db().auditEvent.findFirstOrThrow({
      where: { requestId: created.id, action: 'request.completed' },
    });
    expect(completed.actorType).toBe('system');
    const email = await db().outboxEmail.findFirstOrThrow({ where: { to: input.email, template: 'request-decided' } });
    expect(email.text).toMatch(/We have honored your unsubscribe request/);
    expect(email.text).toContain(`/status/${created.id}?token=${link.token}`);

    const status = await getRequestStatus({ requestId: created.id, token: link.token });
    expect(status.status).toBe('completed');
    expect(status.optOut?.honoredAt).not.toBeNull();
    const page = await statusPageText(created.id, link.token);
    expect(page).toContain('Unsubscribed');
    expect(page).not.toContain('Waiting for you to confirm');
  });
});

describe('a request that opts out and asks for more', () => {
  it('acts on the opt-out at receipt; the rest waits for verification and Start, without duplicate tasks', async () => {
    const input = aRequest({ types: ['access', 'unsubscribe'], jurisdiction: 'UK' });
    const created = await submitRequest({ input, channel: 'web', now });
    expect(created).toMatchObject({
      status: 'unverified',
      verificationRequired: true,
      actedOnAtReceipt: ['unsubscribe'],
    });
    const row = await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.status).toBe('unverified');
    expect(row.unverifiedSlot).toBe(1);
    expect(await db().outboxEmail.count({ where: { to: input.email, template: 'verify-request' } })).toBe(1);
    expect(await db().outboxEmail.count({ where: { to: input.email, template: 'opt-out-received' } })).toBe(0);
    expect((await queuedJobs('expire-unverified-request')).length).toBe(1);

    // Only the opt-out's tasks, at once; they run and can be finished while the request is unconfirmed.
    expect(keys(await listTasks({ staff: reviewer, requestId: created.id }))).toEqual(SUPPRESS_TASKS);
    await runDueJobs();
    const accountTask = (await listTasks({ staff: reviewer, requestId: created.id })).find(
      (t) => t.system?.key === 'accounts',
    );
    expect(accountTask?.status).toBe('done');
    await finishManualTasks(created.id);
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } })).status).toBe('unverified');
    const honored = await db().auditEvent.findMany({ where: { requestId: created.id, action: 'opt-out.honored' } });
    expect(honored).toHaveLength(1);
    expect(honored[0].public).toBe(true);

    // The rest: verification, then Start creates the access tasks and none of the opt-out's again.
    await verifyRequest({ token: await latestVerificationToken(input.email), now });
    await startRequest({ staff: reviewer, requestId: created.id });
    const tasks = await listTasks({ staff: reviewer, requestId: created.id });
    expect(keys(tasks)).toEqual(
      [
        ...SUPPRESS_TASKS,
        'accounts:collect:auto',
        'usage:collect:auto',
        'support:collect:manual',
        'billing:collect:manual',
        'logs:collect:manual',
        'analytics:collect:manual',
        'customer-content:collect:manual',
        'communications:collect:manual',
      ].sort(),
    );
    expect(tasks.filter((t) => t.type === 'suppress').every((t) => t.status === 'done')).toBe(true);
    // Staff complete the rest; the system does not complete a request that asked for more.
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } })).status).toBe('in_progress');
  });
});

describe('each right its own work and words', () => {
  it('an opt-out of sale/sharing (CCPA regs §7026): its own tasks, acted on at receipt, and says Bitstride neither sells nor shares', async () => {
    const input = aRequest({ types: ['opt_out_sale'], jurisdiction: 'US-CA' });
    const created = await submitRequest({ input, channel: 'web', now });
    expect(created).toMatchObject({ status: 'in_progress', verificationRequired: false });
    expect(keys(await listTasks({ staff: reviewer, requestId: created.id }))).toEqual([
      'accounts:stop_sale:manual',
      'analytics:stop_sale:manual',
    ]);
    const submitted = await db().auditEvent.findFirstOrThrow({
      where: { requestId: created.id, action: 'request.submitted' },
    });
    expect(submitted.data).toMatchObject({ types: ['opt_out_sale'], sellsOrShares: false });
    const link = await optOutStatusLink(input.email);
    expect(link.email.subject).toBe(`We are acting on your opt-out of sale or sharing ${created.reference}`);
    expect(link.email.text).toMatch(/we do not sell your personal information .* we have recorded your opt-out/);
    // 15 business days from receipt, not 45 calendar days: at least three weeks (15 weekdays), and
    // with weekends and California's holidays (the New Year run spans Christmas to MLK Day) under 30 days.
    const row = await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } });
    const days = (row.dueAt.getTime() - now.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(19);
    expect(days).toBeLessThan(30);

    await finishManualTasks(created.id);
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } })).status).toBe('completed');
    expect(await statusPageText(created.id, link.token)).toContain('Opt-out of sale and sharing honored');
  });

  it('a request to limit (CCPA regs §7027) and an objection (GDPR Art. 21) each get their own task type', async () => {
    const limit = await submitRequest({
      input: aRequest({ types: ['limit_sensitive'], jurisdiction: 'US-CA' }),
      channel: 'api',
      now,
    });
    expect(keys(await listTasks({ staff: reviewer, requestId: limit.id }))).toEqual(['accounts:limit_use:manual']);
    const objection = await submitRequest({
      input: aRequest({ types: ['objection'], jurisdiction: 'EU' }),
      channel: 'web',
      now,
    });
    expect(objection.status).toBe('in_progress');
    expect(keys(await listTasks({ staff: reviewer, requestId: objection.id }))).toEqual([
      'accounts:stop_processing:manual',
      'analytics:stop_processing:manual',
    ]);
    const email = await db().outboxEmail.findFirstOrThrow({
      where: { requestId: objection.id, template: 'opt-out-received' },
    });
    expect(email.subject).toMatch(/^We are acting on your objection /);
    expect(email.text).toMatch(/unless we have compelling legitimate grounds/);
  });
});

describe('tasks finishing at the same moment', () => {
  it('all finish: the opt-out check after each locks the request without deadlocking the others', async () => {
    // Each finishing transaction inserts its audit event (a KEY SHARE lock on the request's row)
    // before it locks the row: with FOR UPDATE, two of them could wait on each other (a deadlock,
    // P2010, seen in the e2e run), and the task failed as "the connector failed unexpectedly".
    const requests = await Promise.all(
      Array.from({ length: 4 }, () => submitRequest({ input: aRequest({ types: ['unsubscribe'] }), channel: 'web' })),
    );
    const ids = requests.map((r) => r.id);
    const tasks = await db().fulfilmentTask.findMany({ where: { requestId: { in: ids } } });
    expect(tasks.length).toBeGreaterThanOrEqual(2 * ids.length);
    const results = await Promise.allSettled(tasks.map((task) => finishAutomatedTask(task.id, { statements: [] })));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const after = await db().fulfilmentTask.findMany({ where: { requestId: { in: ids } } });
    expect(after.every((t) => t.status === 'done')).toBe(true);
    const statuses = await db().privacyRequest.findMany({ where: { id: { in: ids } }, select: { status: true } });
    expect(statuses.map((r) => r.status)).toEqual(ids.map(() => 'completed'));
  });
});
