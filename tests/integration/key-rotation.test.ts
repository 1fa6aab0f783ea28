/**
 * Keys that change (docs/decisions/022), on real PostgreSQL and each storage driver: a portal lives
 * under APP_SECRET A with no STORAGE_ENCRYPTION_KEY (its storage key derived from A); both keys are
 * rotated; old and new requests are still found by email, counted by the rate limits, their
 * packages and evidence downloaded. The re-key job, interrupted by a batch that fails and resumed by
 * the worker's retry, moves everything to the new keys, after which the old keys can go, and the
 * retention purge removes old and new records alike.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POST as evidencePost } from '../../app/(public)/status/[id]/evidence/route';
import { consumeRateLimit } from '../../lib/abuse/rate-limit';
import { db } from '../../lib/db';
import { env, keyId } from '../../lib/env';
import { closeOpenTasks } from '../../lib/fulfilment/close-open-tasks';
import { openDownload, requestDownloadLink } from '../../lib/fulfilment/package/download-package';
import { rekeyBatch } from '../../lib/keys/rekey-batch';
import { startRekey } from '../../lib/keys/start-rekey';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { completeRequest } from '../../lib/requests/staff/complete-request';
import { findRequester } from '../../lib/requests/staff/find-requester';
import { listRequests } from '../../lib/requests/staff/list-requests';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { purgeExpiredRecords } from '../../lib/retention/purge-expired-records';
import { sealedTextKeyId } from '../../lib/security/sealed-text';
import { sealedKeyId } from '../../lib/storage/encryption';
import { objectExists, putObject } from '../../lib/storage/storage';
import { acceptEvidence } from '../../lib/verification/evidence/accept-evidence';
import { openEvidence } from '../../lib/verification/evidence/open-evidence';
import { verifyRequest } from '../../lib/verification/verify-request';
import { seededInventory } from '../support/fulfilment';
import { advanceQueueTo, runDueJobs } from '../support/jobs';
import { queuedJobs, resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { scopedEnv } from '../support/scoped-env';
import { aStaffIdentity } from '../support/staff';
import { STORAGE_DRIVERS, type StorageUnderTest, useStorage } from '../support/storage-under-test';

const DAY = 86_400_000;
const SECRET_A = `a-secret-${'a'.repeat(40)}`;
const SECRET_B = `b-secret-${'b'.repeat(40)}`;
const STORAGE_B = randomBytes(32).toString('base64');
const keys = scopedEnv([
  'APP_SECRET',
  'APP_SECRET_PREVIOUS',
  'STORAGE_ENCRYPTION_KEY',
  'STORAGE_ENCRYPTION_KEYS_PREVIOUS',
  'RATE_LIMIT_SUBMIT_PER_EMAIL',
]);
const LIMIT = { RATE_LIMIT_SUBMIT_PER_EMAIL: '3' };
const beforeRotation = { APP_SECRET: SECRET_A, ...LIMIT };
const duringRotation = {
  APP_SECRET: SECRET_B,
  APP_SECRET_PREVIOUS: SECRET_A,
  STORAGE_ENCRYPTION_KEY: STORAGE_B,
  ...LIMIT,
};
const afterRotation = { APP_SECRET: SECRET_B, STORAGE_ENCRYPTION_KEY: STORAGE_B, ...LIMIT };

afterEach(() => keys.restore());

async function readAll(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

async function failedRekeyJobs() {
  return db().$queryRaw<{ attempts: number; last_error: string }[]>`
    SELECT j.attempts, j.last_error FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'rekey' AND j.last_error IS NOT NULL`;
}

/**
 * Runs the queue until the run has finished and no batch of it is left: on a busy machine runOnce
 * can return while the last job's completion is still being written (tests/support/jobs.ts).
 */
async function untilSettled(runId: string) {
  for (let round = 0; round < 40; round += 1) {
    await runDueJobs();
    const run = await db().rekeyRun.findUniqueOrThrow({ where: { id: runId } });
    if (run.finishedAt && (await queuedJobs('rekey')).length === 0) return run;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return db().rekeyRun.findUniqueOrThrow({ where: { id: runId } });
}

describe.each(STORAGE_DRIVERS)('rotating APP_SECRET and the storage key (%s storage)', (driver) => {
  let storage: StorageUnderTest;
  let admin: StaffIdentity;

  beforeAll(async () => {
    storage = await useStorage(driver);
  });
  afterAll(async () => {
    await storage.stop();
  });

  /** A verified California access request, completed, with a package and an identity document stored. */
  async function livedRequest(tag: string) {
    const input = aRequest({ jurisdiction: 'US-CA', types: ['access'] });
    const created = await submitRequest({ input, channel: 'web' });
    await verifyRequest({ token: await latestVerificationToken(input.email) });
    const status = await latestStatusLink(input.email);
    await startRequest({ staff: admin, requestId: created.id });
    await closeOpenTasks({ staff: admin, requestId: created.id, reason: 'Not part of this test' });
    await completeRequest({ staff: admin, requestId: created.id, message: 'Your copy is ready.' });
    const packageKey = `packages/${created.id}/test.zip`;
    const { size } = await putObject(packageKey, Readable.from([`package-of-${tag}`]));
    await db().dataPackage.update({
      where: { requestId: created.id },
      data: {
        status: 'ready',
        storageKey: packageKey,
        size,
        builtAt: new Date(),
        expiresAt: new Date(Date.now() + DAY),
      },
    });
    const form = new FormData();
    form.set('token', status.token);
    form.set('kind', 'document');
    form.set('file', new File([Buffer.from(`%PDF-1.4 evidence-of-${tag}`)], 'id.pdf', { type: 'application/pdf' }));
    const res = await evidencePost(
      new Request(`http://portal.test/status/${created.id}/evidence`, { method: 'POST', body: form }),
      { params: Promise.resolve({ id: created.id }) },
    );
    expect(res.headers.get('location')).toContain('evidence-sent');
    const evidence = await db().identityEvidence.findFirstOrThrow({ where: { requestId: created.id } });
    // California releases an access package at "high" certainty: the document reaches it.
    await acceptEvidence({ staff: admin, evidenceId: evidence.id, level: 'high' });
    return { id: created.id, email: input.email, statusToken: status.token, packageKey, evidence };
  }

  async function download(r: { id: string; email: string; statusToken: string }) {
    await requestDownloadLink({ requestId: r.id, statusToken: r.statusToken });
    const mail = await db().outboxEmail.findFirstOrThrow({
      where: { requestId: r.id, template: 'download-link' },
      orderBy: { createdAt: 'desc' },
    });
    const token = /\/download\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
    return readAll((await openDownload({ token })).stream);
  }

  const searchFinds = async (email: string) =>
    (await listRequests({ staff: admin, filter: { q: email, status: ['completed'] } })).rows.map((row) => row.id);

  it('finds, limits, downloads, re-keys (interrupted and resumed) and purges old and new records', async () => {
    keys.set(beforeRotation);
    await resetDatabase();
    await db().rekeyRun.deleteMany();
    admin = await aStaffIdentity('admin');
    await seededInventory();
    const old = await livedRequest('old');
    const limited = `limited.${driver}@example.com`;
    await consumeRateLimit('submit-email', limited);
    await consumeRateLimit('submit-email', limited);
    const oldKeys = { hash: keyId(SECRET_A), storage: env().storageKeys[0].id };

    keys.set(duringRotation);
    const fresh = await livedRequest('new');
    const newKeys = { hash: keyId(SECRET_B), storage: keyId(Buffer.from(STORAGE_B, 'base64')) };
    expect(env().storageKeys[0].id).toBe(newKeys.storage);
    expect(env().storageKeys.map((k) => k.id)).toContain(oldKeys.storage);
    expect(
      await db().privacyRequest.findMany({ select: { id: true, emailHashKey: true }, orderBy: { number: 'asc' } }),
    ).toEqual([
      { id: old.id, emailHashKey: oldKeys.hash },
      { id: fresh.id, emailHashKey: newKeys.hash },
    ]);
    expect(sealedKeyId(await storage.readRaw(old.packageKey))).toBe(oldKeys.storage);
    expect(sealedKeyId(await storage.readRaw(fresh.packageKey))).toBe(newKeys.storage);

    // Found by email, both; the counter of the hour before the rotation still counts.
    expect(await findRequester({ staff: admin, email: old.email.toUpperCase() })).toBe(old.id);
    expect(await findRequester({ staff: admin, email: fresh.email })).toBe(fresh.id);
    expect(await searchFinds(old.email)).toEqual([old.id]);
    await consumeRateLimit('submit-email', limited);
    await expect(consumeRateLimit('submit-email', limited)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    // The old request's emailed status link still works; both packages and documents open.
    expect(await download(old)).toBe('package-of-old');
    expect(await download(fresh)).toBe('package-of-new');
    expect(await readAll((await openEvidence({ staff: admin, evidenceId: old.evidence.id })).stream)).toContain(
      'evidence-of-old',
    );

    // The re-key run, interrupted: a worker started without the old storage key fails the batch that
    // reaches the first value sealed under it (the seeded connectors' database URLs, before the old
    // package), after it moved the hashes and saved its position.
    const { runId } = await startRekey({ startedBy: 'test' });
    expect(await startRekey({ startedBy: 'test' })).toEqual({ runId, started: false });
    keys.set({ ...afterRotation, APP_SECRET_PREVIOUS: SECRET_A.replace('a-', 'c-') });
    expect(await rekeyBatch({ runId, batchSize: 1 })).toEqual({ finished: false });
    expect(await db().rekeyRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({
      step: 'request-email-hashes',
      afterId: expect.any(String),
      moved: expect.any(Number),
    });
    await runDueJobs();
    const stuck = await db().rekeyRun.findUniqueOrThrow({ where: { id: runId } });
    expect(stuck).toMatchObject({ step: 'connection-urls', finishedAt: null });
    // The batch's failure may still be on its way to the table when runOnce returns (untilSettled):
    // wait for it, without running the queue again (its retry is not due for seconds).
    for (let waited = 0; waited < 5_000 && (await failedRekeyJobs()).length === 0; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await failedRekeyJobs()).toEqual([{ attempts: 1, last_error: expect.stringMatching(/not configured/) }]);
    expect(await db().privacyRequest.count({ where: { emailHashKey: newKeys.hash } })).toBe(2);

    // Resumed with the keys configured: the retry finishes the run, each object moved once.
    keys.set(duringRotation);
    await advanceQueueTo(new Date(Date.now() + DAY));
    const done = await untilSettled(runId);
    expect(done.finishedAt, JSON.stringify(await failedRekeyJobs())).not.toBeNull();
    expect(await queuedJobs('rekey')).toEqual([]);
    for (const key of [old.packageKey, old.evidence.storageKey!, fresh.packageKey, fresh.evidence.storageKey!])
      expect(sealedKeyId(await storage.readRaw(key))).toBe(newKeys.storage);
    const urls = await db().dataSystem.findMany({ where: { connectionUrl: { not: null } } });
    expect(urls.map((s) => sealedTextKeyId(s.connectionUrl!))).toEqual(urls.map(() => newKeys.storage));
    expect(urls.length).toBeGreaterThan(0);
    expect(
      await db().auditEvent.count({ where: { action: { in: ['keys.rekey_started', 'keys.rekey_finished'] } } }),
    ).toBe(2);

    // Idempotent: a second run finds nothing left to move.
    const again = await startRekey({ startedBy: 'test' });
    expect(again.started).toBe(true);
    await untilSettled(again.runId);
    expect(await db().rekeyRun.findUniqueOrThrow({ where: { id: again.runId } })).toMatchObject({ moved: 0 });

    // The old keys go: everything is still found and opened.
    keys.set(afterRotation);
    expect(await findRequester({ staff: admin, email: old.email })).toBe(old.id);
    expect(await searchFinds(old.email)).toEqual([old.id]);
    expect(await readAll((await openEvidence({ staff: admin, evidenceId: old.evidence.id })).stream)).toContain(
      'evidence-of-old',
    );
    expect(await readAll((await openEvidence({ staff: admin, evidenceId: fresh.evidence.id })).stream)).toContain(
      'evidence-of-new',
    );

    // Purged past retention, old and new alike: rows anonymised, objects gone.
    await purgeExpiredRecords({ now: new Date(Date.now() + 25 * 31 * DAY) });
    for (const key of [old.packageKey, old.evidence.storageKey!, fresh.packageKey, fresh.evidence.storageKey!])
      expect(await objectExists(key)).toBe(false);
    expect(await db().privacyRequest.count({ where: { purgedAt: { not: null }, email: '' } })).toBe(2);
    expect(await findRequester({ staff: admin, email: old.email })).toBe('none');
  });
});
