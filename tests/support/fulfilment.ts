import { Readable } from 'node:stream';
import { inject } from 'vitest';
import { db } from '../../lib/db';
import { closeOpenTasks } from '../../lib/fulfilment/close-open-tasks';
import { addDemoPerson, ensureDemoDatabase } from '../../lib/fulfilment/demo-data';
import { seedInventory } from '../../lib/fulfilment/inventory-seed';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { completeRequest } from '../../lib/requests/staff/complete-request';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { putObject } from '../../lib/storage/storage';
import { verifyRequest } from '../../lib/verification/verify-request';
import { listTasks } from '../../lib/fulfilment/list-tasks';
import { runDueJobs } from './jobs';
import { aRequest, latestVerificationToken } from './requests';

/** This run's copy of the demo data set (its own database name, so parallel runs never share it). */
export async function demoDatabase() {
  return ensureDemoDatabase(inject('serverUrl'), `bitstride_demo_${process.pid}`);
}

/** The seeded inventory with its PostgreSQL connectors on this run's demo database; the webhook system stays manual unless given. */
export async function seededInventory(options: { webhookUrl?: string; webhookSecret?: string } = {}) {
  const postgresUrl = await demoDatabase();
  await seedInventory(db(), {
    postgresUrl,
    webhookUrl: options.webhookUrl ?? null,
    webhookSecret: options.webhookSecret ?? 'x'.repeat(32),
  });
  return { postgresUrl };
}

export async function aDemoPerson(email: string) {
  await addDemoPerson(await demoDatabase(), { email, name: 'Ada Example', organization: 'Example Ltd' });
}

/**
 * A confirmed deletion request for a new demo person, started by `staff`, its due jobs run (the
 * connectors' tasks among them): the request's tasks, the one of system `systemKey` first found.
 */
export async function startedDemoDeletion(staff: StaffIdentity, systemKey: string) {
  const input = aRequest({ types: ['deletion'] });
  await aDemoPerson(input.email);
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  await startRequest({ staff, requestId: created.id });
  await runDueJobs();
  const task = (await listTasks({ staff, requestId: created.id })).find((t) => t.system?.key === systemKey);
  if (!task) throw new Error(`no task for system ${systemKey}`);
  return task;
}

/**
 * A completed access request whose one manual collect task is done with a stored data set `name`
 * (`lines` of NDJSON, given the requester's email), its other tasks closed. `dataset` is the key
 * redactions and errors name it by (`<system>/<name>`), `folder` its folder in the package.
 */
export async function completedWithDataset(options: {
  staff: StaffIdentity;
  name: string;
  rows: number;
  lines: (email: string) => Iterable<string>;
}) {
  const { staff, name } = options;
  const input = aRequest({ types: ['access'] });
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  await startRequest({ staff, requestId: created.id });
  const task = await db().fulfilmentTask.findFirstOrThrow({
    where: { requestId: created.id, type: 'collect', system: { is: { kind: 'manual' } } },
    include: { system: true },
  });
  const storageKey = `datasets/${created.id}/${task.id}/${name}.ndjson`;
  await putObject(storageKey, Readable.from(options.lines(input.email)));
  await db().fulfilmentTask.update({
    where: { id: task.id },
    data: { status: 'done', outcome: { datasets: [{ name, rows: options.rows, storageKey }] } },
  });
  await closeOpenTasks({ staff, requestId: created.id, reason: 'Not part of this test' });
  await completeRequest({ staff, requestId: created.id, message: 'Your copy is on its way.' });
  return { ...created, email: input.email, dataset: `${task.system!.key}/${name}`, folder: task.system!.key };
}
