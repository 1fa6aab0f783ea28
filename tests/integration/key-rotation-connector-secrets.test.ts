/**
 * A webhook connector's shared secret is stored sealed and survives a rotation of both keys
 * (docs/decisions/022): jobs are signed and callbacks checked with it before, and after the re-key
 * run has finished and the old keys are gone. A plain secret kept from before sealing keeps working
 * and is sealed by the run; the demo help desk keeps answering the seeded connector.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { staffIdentity } from '../../lib/auth/current-staff';
import { db } from '../../lib/db';
import { SIGNATURE_HEADER, sign, verifySignature } from '../../lib/fulfilment/connectors/signing';
import { demoConnectors } from '../../lib/fulfilment/demo-connectors';
import { answerDemoSupportDesk } from '../../lib/fulfilment/demo-support-desk';
import { receiveWebhookCallback } from '../../lib/fulfilment/receive-callback';
import { saveSystem } from '../../lib/fulfilment/save-system';
import { countLeftToRekey } from '../../lib/keys/count-left-to-rekey';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { sealedTextKeyId } from '../../lib/security/sealed-text';
import { demoDatabase, seededInventory, startedDemoDeletion } from '../support/fulfilment';
import { resetDatabase } from '../support/reset-database';
import { keyRotation } from '../support/key-rotation';
import { aStaffMember } from '../support/staff';
import { startWebhookSystem } from '../support/webhook-system';

const SECRET = 'a-connector-secret-of-at-least-32-characters';
const rotation = keyRotation();
const { keys, rotateAndRekey } = rotation;
const STORAGE_B_ID = rotation.storageBId;
const beforeRotation = rotation.phases.before;

let system: Awaited<ReturnType<typeof startWebhookSystem>>;
let reviewer: StaffIdentity;

beforeAll(async () => {
  process.env.STORAGE_ROOT = await mkdtemp(path.join(os.tmpdir(), 'portal-storage-'));
  system = await startWebhookSystem();
});
afterAll(async () => {
  await system.close();
});
beforeEach(async () => {
  keys.set(beforeRotation);
  await resetDatabase();
  await db().rekeyRun.deleteMany();
  reviewer = (await staffIdentity((await aStaffMember('reviewer')).id))!;
});
afterEach(() => keys.restore());

const storedSecret = async () =>
  (await db().dataSystem.findUniqueOrThrow({ where: { key: 'support' }, select: { webhookSecret: true } }))
    .webhookSecret!;

/** A verified, started deletion request, whose support-desk task is sent to the webhook system. */
async function dispatched() {
  const task = await startedDemoDeletion(reviewer, 'support');
  return { job: system.jobs.at(-1)!, task };
}

/** The job reached the system signed with SECRET, and a callback signed with SECRET is taken. */
async function signsAndVerifiesWithSecret() {
  system.json(202, { status: 'accepted' });
  const { job, task } = await dispatched();
  expect(verifySignature(SECRET, job.raw, job.headers[SIGNATURE_HEADER.toLowerCase()] as string)).toMatchObject({
    ok: true,
  });
  const token = new URL(String(job.body.callbackUrl)).searchParams.get('token');
  // Each call's own task in the body: two callbacks in the same second must not look like a replay.
  const body = JSON.stringify({ status: 'done', confirmation: `erased ${task.id}` });
  const signature = sign(SECRET, body);
  expect(await receiveWebhookCallback({ taskId: task.id, token, signature, body })).toEqual({ status: 'done' });
}

async function withWebhookSupport(secret: string) {
  await seededInventory({ webhookUrl: system.url, webhookSecret: secret });
  await db().dataSystem.update({ where: { key: 'support' }, data: { allowPrivateNetwork: true } });
}

describe('webhook connector secrets', () => {
  it('are stored sealed, and sign jobs and verify callbacks after both keys rotated and the old ones are gone', async () => {
    await withWebhookSupport(SECRET);
    const sealedBefore = await storedSecret();
    expect(sealedBefore).not.toContain(SECRET);
    expect(sealedTextKeyId(sealedBefore)).not.toBeNull();
    await signsAndVerifiesWithSecret();

    await rotateAndRekey();
    const sealedAfter = await storedSecret();
    expect(sealedAfter).not.toContain(SECRET);
    expect(sealedTextKeyId(sealedAfter)).toBe(STORAGE_B_ID);
    expect(await countLeftToRekey()).toMatchObject({ connectors: 0, plainConnectors: 0 });
    await signsAndVerifiesWithSecret();
  });

  it('a secret staff set is stored sealed, and an empty one on save keeps it', async () => {
    await withWebhookSupport('x'.repeat(32));
    const admin = (await staffIdentity((await aStaffMember('admin')).id))!;
    const support = await db().dataSystem.findUniqueOrThrow({ where: { key: 'support' } });
    const input = {
      id: support.id,
      key: support.key,
      name: support.name,
      kind: 'webhook' as const,
      taskTypes: support.taskTypes,
      checklist: support.checklist,
      webhookUrl: support.webhookUrl!,
      allowPrivateNetwork: 'on',
    };
    await saveSystem({ staff: admin, input: { ...input, webhookSecret: SECRET } });
    const sealed = await storedSecret();
    expect(sealed).not.toContain(SECRET);
    await saveSystem({ staff: admin, input: { ...input, webhookSecret: '' } });
    expect(await storedSecret()).toBe(sealed);
    await signsAndVerifiesWithSecret();
    // A secret in the sealed form's own shape could be misread once stored, so it is refused.
    await expect(
      saveSystem({ staff: admin, input: { ...input, webhookSecret: `v2.${'0'.repeat(16)}.${'A'.repeat(40)}` } }),
    ).rejects.toThrow(/Must not begin with v1. or v2./);
  });

  it('a plain secret from before sealing keeps working, is counted, and is sealed by the re-key run', async () => {
    await withWebhookSupport(SECRET);
    await db().$executeRaw`UPDATE data_system SET webhook_secret = ${SECRET} WHERE key = 'support'`;
    expect(await countLeftToRekey()).toMatchObject({ connectors: 1, plainConnectors: 1 });
    await signsAndVerifiesWithSecret();

    await rotateAndRekey();
    const sealed = await storedSecret();
    expect(sealed).not.toBe(SECRET);
    expect(sealedTextKeyId(sealed)).toBe(STORAGE_B_ID);
    expect(await countLeftToRekey()).toMatchObject({ connectors: 0, plainConnectors: 0 });
    await signsAndVerifiesWithSecret();
  });
});

describe('the demo help desk', () => {
  it('still answers the seeded connector after both keys rotated', async () => {
    const demoUrl = await demoDatabase();
    system.answerWith((job, res) => {
      answerDemoSupportDesk(job.raw, (job.headers[SIGNATURE_HEADER.toLowerCase()] as string) ?? null, demoUrl).then(
        (answer) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)),
        () => res.writeHead(401).end(),
      );
    });
    // The secret the seed would give it, as scripts/seed.ts writes it.
    await withWebhookSupport((await demoConnectors()).webhookSecret);
    expect((await dispatched()).task.status).toBe('done');

    await rotateAndRekey();
    expect((await dispatched()).task.status).toBe('done');
  });
});
