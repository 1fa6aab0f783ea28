import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { db } from '../../lib/db';
import { addTaskAttachment } from '../../lib/fulfilment/add-task-attachment';
import { closeOpenTasks } from '../../lib/fulfilment/close-open-tasks';
import { closeTask } from '../../lib/fulfilment/close-task';
import { listTasks } from '../../lib/fulfilment/list-tasks';
import { updateManualTask } from '../../lib/fulfilment/update-manual-task';
import type { NewRequest } from '../../lib/universal/request-schema';
import { completeRequest } from '../../lib/requests/staff/complete-request';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { verifyRequest } from '../../lib/verification/verify-request';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { resetEnvCache } from '../../lib/env';
import { getObject } from '../../lib/storage/storage';
import { seededInventory } from '../support/fulfilment';
import { queuedJobs, resetDatabase } from '../support/reset-database';
import { aRequest, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';

let admin: StaffIdentity;
let reviewer: StaffIdentity;

beforeAll(async () => {
  process.env.STORAGE_ROOT = await mkdtemp(path.join(os.tmpdir(), 'portal-tasks-'));
  resetEnvCache();
});

beforeEach(async () => {
  await resetDatabase();
  admin = await aStaffIdentity('admin');
  reviewer = await aStaffIdentity('reviewer');
  await seededInventory();
});

async function started(overrides: Partial<NewRequest> = {}) {
  const input = aRequest(overrides);
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  await startRequest({ staff: reviewer, requestId: created.id });
  return { input, ...created };
}

const byKey = (tasks: Awaited<ReturnType<typeof listTasks>>) =>
  tasks.map((t) => `${t.system?.key}:${t.type}:${t.automated ? 'auto' : 'manual'}`).sort();

describe('fulfilment tasks', () => {
  it('starting work creates one task per relevant system and type, with connector jobs for automated ones', async () => {
    const r = await started({ types: ['access', 'export', 'deletion'] });
    const tasks = await listTasks({ staff: reviewer, requestId: r.id });
    expect(byKey(tasks)).toEqual(
      [
        'accounts:collect:auto',
        'accounts:erase:auto',
        'usage:collect:auto',
        'usage:erase:auto',
        'support:collect:manual',
        'support:erase:manual',
        'billing:collect:manual',
        'billing:erase:manual',
        'logs:collect:manual',
        'logs:erase:manual',
        'analytics:collect:manual',
        'analytics:erase:manual',
        'customer-content:collect:manual',
        'customer-content:erase:manual',
        'communications:collect:manual',
        'communications:erase:manual',
      ].sort(),
    );
    const jobs = await queuedJobs('run-fulfilment-task');
    expect(jobs.map((j) => j.payload.taskId).sort()).toEqual(
      tasks
        .filter((t) => t.automated)
        .map((t) => t.id)
        .sort(),
    );
    expect(tasks.find((t) => t.system?.key === 'billing')!.checklist.every((i) => !i.done)).toBe(true);
  });

  it('correction carries the requested change; unsubscribing suppresses; objection stops processing; restriction restricts', async () => {
    const r = await started({
      types: ['correction', 'unsubscribe', 'objection', 'restriction'],
      details: 'My organization is now Acme Research',
    });
    const tasks = await listTasks({ staff: reviewer, requestId: r.id });
    expect(
      tasks
        .filter((t) => t.type === 'correct')
        .every((t) => t.change === 'My organization is now Acme Research' && !t.automated),
    ).toBe(true);
    expect(byKey(tasks.filter((t) => t.type !== 'correct'))).toEqual(
      [
        'accounts:restrict:auto',
        'accounts:suppress:auto',
        'accounts:stop_processing:manual',
        'analytics:suppress:manual',
        'analytics:stop_processing:manual',
        'billing:restrict:manual',
        'communications:suppress:manual',
        'customer-content:restrict:manual',
        'logs:restrict:manual',
      ].sort(),
    );
  });

  it('the request cannot complete while a task is open; manual tasks need the checklist and a result; admins close with an audited reason', async () => {
    const r = await started({ types: ['restriction'] });
    const tasks = await listTasks({ staff: reviewer, requestId: r.id });
    await expect(
      completeRequest({ staff: reviewer, requestId: r.id, message: 'All done for you now.' }),
    ).rejects.toThrow(/cannot be completed while tasks are open/);

    const billing = tasks.find((t) => t.system?.key === 'billing')!;
    await expect(
      updateManualTask({ staff: reviewer, taskId: billing.id, done: [0], result: 'Flagged', finish: true }),
    ).rejects.toThrow(/Tick every step/);
    await updateManualTask({ staff: reviewer, taskId: billing.id, done: [0, 1, 2], result: null, finish: false });
    await expect(
      updateManualTask({ staff: reviewer, taskId: billing.id, done: [0, 1, 2], result: ' ', finish: true }),
    ).rejects.toThrow(/Write what was done/);
    await updateManualTask({
      staff: reviewer,
      taskId: billing.id,
      done: [0, 1, 2],
      result: 'Restricted in the payment provider; invoices kept 10 years (tax law).',
      finish: true,
    });
    const automated = tasks.find((t) => t.automated)!;
    await expect(
      updateManualTask({ staff: reviewer, taskId: automated.id, done: [], result: 'x', finish: true }),
    ).rejects.toThrow(/run by its connector/);

    const rest = tasks.filter((t) => t.id !== billing.id);
    await expect(closeTask({ staff: reviewer, taskId: rest[0].id, reason: 'Not applicable' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    for (const t of rest)
      await closeTask({ staff: admin, taskId: t.id, reason: 'System holds nothing for this person' });
    await completeRequest({ staff: reviewer, requestId: r.id, message: 'All done for you now.' });
    expect(await db().auditEvent.count({ where: { requestId: r.id, action: 'task.closed', actorId: admin.id } })).toBe(
      rest.length,
    );
    const closedEvent = await db().auditEvent.findFirstOrThrow({ where: { requestId: r.id, action: 'task.closed' } });
    expect(closedEvent.data).toMatchObject({ reason: 'System holds nothing for this person' });
  });
});

describe('completion', () => {
  it('the completion email says, per system, what was done and when, and what was kept and why', async () => {
    const r = await started({ types: ['deletion'] });
    const tasks = await listTasks({ staff: reviewer, requestId: r.id });
    const billing = tasks.find((t) => t.system?.key === 'billing')!;
    await updateManualTask({
      staff: reviewer,
      taskId: billing.id,
      done: [0, 1, 2],
      result: 'Billing contacts deleted. Invoices kept for 10 years (tax law).',
      finish: true,
    });
    await closeOpenTasks({ staff: admin, requestId: r.id, reason: 'Nothing held for this person' });
    await completeRequest({ staff: reviewer, requestId: r.id, message: 'Your data has been erased.' });
    const email = await db().outboxEmail.findFirstOrThrow({ where: { requestId: r.id, template: 'request-decided' } });
    const text = email.text.replace(/\s+/g, ' ');
    expect(text).toContain('What we did, system by system');
    expect(text).toMatch(
      /Billing and payments: erased on \d{1,2} [A-Z][a-z]+ \d{4}\. Billing contacts deleted\. Invoices kept for 10 years \(tax law\)\./,
    );
    expect(text).toContain('Account database: no action was needed');
    expect(text).not.toContain('Nothing held for this person');
    const completed = await db().auditEvent.findFirstOrThrow({
      where: { requestId: r.id, action: 'request.completed' },
    });
    expect((completed.data as { systems: unknown[] }).systems.length).toBe(tasks.length);
  });
});

describe('attachments', () => {
  it('a manual task takes files, stored encrypted and audited; empty or oversized files are refused', async () => {
    const r = await started({ types: ['access'] });
    const billing = (await listTasks({ staff: reviewer, requestId: r.id })).find((t) => t.system?.key === 'billing')!;
    await addTaskAttachment({
      staff: reviewer,
      taskId: billing.id,
      file: new File(['invoice 2026-001'], 'invoices.csv', { type: 'text/csv' }),
    });
    await expect(
      addTaskAttachment({ staff: reviewer, taskId: billing.id, file: new File([], 'empty.txt') }),
    ).rejects.toThrow(/Choose a file/);
    await expect(
      addTaskAttachment({
        staff: reviewer,
        taskId: billing.id,
        file: new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.bin'),
      }),
    ).rejects.toThrow(/at most 10 MB/);
    const [attachment] = (await listTasks({ staff: reviewer, requestId: r.id })).find(
      (t) => t.id === billing.id,
    )!.attachments;
    expect(attachment).toMatchObject({ fileName: 'invoices.csv', size: 16 });
    const stored = await db().taskAttachment.findUniqueOrThrow({ where: { id: attachment.id } });
    let content = '';
    for await (const c of getObject(stored.storageKey)) content += String(c);
    expect(content).toBe('invoice 2026-001');
    expect(await db().auditEvent.count({ where: { requestId: r.id, action: 'task.attachment_added' } })).toBe(1);
  });
});
