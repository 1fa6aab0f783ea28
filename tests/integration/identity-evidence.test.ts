/**
 * Identity evidence on real PostgreSQL and real (local, encrypted) storage: a requester uploads a
 * document from the status page; only reviewers open it, each opening audited; a reviewer accepts it
 * at a level (which can release a California access package) or rejects it with a reason the
 * requester reads; the file goes after the retention window and with the request's purge, and never
 * into a data package. Staff may ask for stronger proof, which pauses a UK clock until it is reached.
 */
import { replyToRequest } from '../../lib/requests/reply-to-request';
import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as evidencePost } from '../../app/(public)/status/[id]/evidence/route';
import { GET as statusPage } from '../../app/(public)/status/[id]/route';
import { db } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { closeOpenTasks } from '../../lib/fulfilment/close-open-tasks';
import { requestDownloadLink } from '../../lib/fulfilment/package/download-package';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { getRequestStatus } from '../../lib/requests/get-request-status';
import { askForStrongerProof } from '../../lib/requests/staff/ask-for-stronger-proof';
import { completeRequest } from '../../lib/requests/staff/complete-request';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { deleteIdentityEvidence } from '../../lib/retention/delete-identity-evidence';
import { purgeExpiredRecords } from '../../lib/retention/purge-expired-records';
import { getObject, objectExists, putObject } from '../../lib/storage/storage';
import type { NewRequest } from '../../lib/universal/request-schema';
import { acceptEvidence } from '../../lib/verification/evidence/accept-evidence';
import { openEvidence } from '../../lib/verification/evidence/open-evidence';
import { rejectEvidence } from '../../lib/verification/evidence/reject-evidence';
import { verifyRequest } from '../../lib/verification/verify-request';
import { seededInventory } from '../support/fulfilment';
import { runDueJobs } from '../support/jobs';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';
import { unzip } from '../support/unzip';

const DAY = 86_400_000;
let storageRoot: string;
let reviewer: StaffIdentity;
let viewer: StaffIdentity;
let admin: StaffIdentity;

beforeAll(async () => {
  storageRoot = await mkdtemp(path.join(os.tmpdir(), 'portal-evidence-'));
  process.env.STORAGE_ROOT = storageRoot;
  resetEnvCache();
});

beforeEach(async () => {
  await resetDatabase();
  admin = await aStaffIdentity('admin');
  reviewer = await aStaffIdentity('reviewer');
  viewer = await aStaffIdentity('viewer');
  await seededInventory();
});

async function verified(overrides: Partial<NewRequest>) {
  const input = aRequest(overrides);
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  return { input, id: created.id, status: await latestStatusLink(input.email) };
}

/** A PDF whose bytes carry a marker we can look for in storage and in packages. */
const aPdf = (marker: string) => Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`);

/** Posts the status page's multipart form to its real route handler, as a browser would. */
async function upload(
  r: { id: string; status: { token: string } },
  bytes: Buffer,
  name = 'passport.pdf',
  kind = 'document',
) {
  const form = new FormData();
  form.set('token', r.status.token);
  form.set('kind', kind);
  form.set('file', new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }));
  const res = await evidencePost(
    new Request(`http://portal.test/status/${r.id}/evidence`, { method: 'POST', body: form }),
    {
      params: Promise.resolve({ id: r.id }),
    },
  );
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location')!, 'http://portal.test').searchParams.get('notice');
}

async function pageText(r: { id: string; status: { token: string } }) {
  const res = await statusPage(new Request(`http://portal.test/status/${r.id}?token=${r.status.token}`), {
    params: Promise.resolve({ id: r.id }),
  });
  return res.text();
}

async function readAll(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A California access request, completed, its package built (as a stand-in file) and held back. */
async function completedCaliforniaAccess() {
  const r = await verified({ jurisdiction: 'US-CA', types: ['access'] });
  await startRequest({ staff: admin, requestId: r.id });
  await closeOpenTasks({ staff: admin, requestId: r.id, reason: 'Not part of this test' });
  await completeRequest({ staff: admin, requestId: r.id, message: 'Your copy is ready.' });
  const key = `packages/${r.id}/test.zip`;
  const { size } = await putObject(key, Readable.from(['zip']));
  await db().dataPackage.update({
    where: { requestId: r.id },
    data: { status: 'ready', storageKey: key, size, builtAt: new Date(), expiresAt: new Date(Date.now() + DAY) },
  });
  return r;
}

describe('identity evidence', () => {
  it('stores the upload encrypted, refuses what is not a PDF, JPEG or PNG by its bytes, and lists it for the requester', async () => {
    const r = await completedCaliforniaAccess();
    expect(await upload(r, Buffer.from('#!/bin/sh\necho not a passport\n'), 'passport.pdf')).toBe(
      'evidence-wrong-type',
    );
    expect(await upload(r, Buffer.alloc(0))).toBe('evidence-empty');
    expect(await upload(r, Buffer.concat([aPdf('big'), Buffer.alloc(5 * 1024 * 1024)]))).toBe('evidence-too-large');
    expect(await db().identityEvidence.count()).toBe(0);

    expect(await upload(r, aPdf('PLAINTEXT-MARKER-1'), 'whatever.bin')).toBe('evidence-sent');
    const row = await db().identityEvidence.findFirstOrThrow({ where: { requestId: r.id } });
    expect(row).toMatchObject({ kind: 'document', contentType: 'application/pdf', decision: null });
    const stored = await readFile(path.join(storageRoot, row.storageKey!));
    expect(stored.subarray(0, 4).toString()).toBe('BSE3');
    expect(stored.includes('PLAINTEXT-MARKER-1')).toBe(false);
    expect((await readAll(getObject(row.storageKey!))).toString()).toContain('PLAINTEXT-MARKER-1');
    expect(await pageText(r)).toContain('Waiting for our review');
    // The assignee is told there is something to review; the email names no document.
    const notice = await db().outboxEmail.findFirstOrThrow({
      where: { template: 'staff-notice' },
      orderBy: { createdAt: 'desc' },
    });
    expect(notice.text).toMatch(/Identity evidence to review/);
  });

  it('opens only for reviewers and admins, and audits every opening', async () => {
    const r = await completedCaliforniaAccess();
    await upload(r, aPdf('VIEW-ME'));
    const row = await db().identityEvidence.findFirstOrThrow({ where: { requestId: r.id } });
    await expect(openEvidence({ staff: viewer, evidenceId: row.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(openEvidence({ staff: null, evidenceId: row.id })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    for (const who of [reviewer, admin, reviewer]) {
      const file = await openEvidence({ staff: who, evidenceId: row.id, ip: '198.51.100.7' });
      expect(file.contentType).toBe('application/pdf');
      expect(file.fileName).toMatch(/^BR-\d{4}-\d{6}-evidence-[0-9a-f]{8}\.pdf$/);
      expect((await readAll(file.stream)).toString()).toContain('VIEW-ME');
    }
    const views = await db().auditEvent.findMany({
      where: { requestId: r.id, action: 'evidence.viewed' },
      orderBy: { id: 'asc' },
    });
    expect(views.map((v) => v.actorId)).toEqual([reviewer.id, admin.id, reviewer.id]);
    expect(views.every((v) => v.public === false && v.ip === '198.51.100.7')).toBe(true);
  });

  it('accepted at "high", it raises the level and a California access package can be released', async () => {
    const r = await completedCaliforniaAccess();
    await expect(requestDownloadLink({ requestId: r.id, statusToken: r.status.token })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await upload(r, aPdf('HIGH'));
    const row = await db().identityEvidence.findFirstOrThrow({ where: { requestId: r.id } });
    await expect(acceptEvidence({ staff: viewer, evidenceId: row.id, level: 'high' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const now = new Date();
    const accepted = await acceptEvidence({ staff: reviewer, evidenceId: row.id, level: 'high', now });
    expect(accepted).toMatchObject({ before: 'email', level: 'high' });
    expect(accepted.deleteAfter).toEqual(new Date(now.getTime() + 30 * DAY));
    const check = await db().verificationCheck.findFirstOrThrow({ where: { requestId: r.id, method: 'evidence' } });
    expect(check).toMatchObject({ level: 'high', staffId: reviewer.id });
    expect(JSON.stringify(check.detail)).not.toContain('HIGH');
    await expect(acceptEvidence({ staff: reviewer, evidenceId: row.id, level: 'high' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await requestDownloadLink({ requestId: r.id, statusToken: r.status.token });
    expect(await db().downloadGrant.count({ where: { requestId: r.id } })).toBe(1);
    expect((await getRequestStatus({ requestId: r.id, token: r.status.token })).verification.moreNeeded).toBe(false);
  });

  it('rejected, the requester reads the reason on the status page and can send another', async () => {
    const r = await completedCaliforniaAccess();
    await upload(r, aPdf('BLURRY'), 'scan.pdf', 'declaration');
    const row = await db().identityEvidence.findFirstOrThrow({ where: { requestId: r.id } });
    await expect(rejectEvidence({ staff: reviewer, evidenceId: row.id, reason: 'short' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await rejectEvidence({ staff: reviewer, evidenceId: row.id, reason: 'The name on the declaration is unreadable.' });
    const page = await pageText(r);
    expect(page).toContain('Not accepted: The name on the declaration is unreadable.');
    expect(page).toContain('We could not accept the declaration you sent; this page says why');
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).verificationLevel).toBe('email');
    expect(await upload(r, aPdf('SHARPER'))).toBe('evidence-sent');
  });

  it('deletes the file after the retention window from the decision, and everything with the request purge', async () => {
    const r = await completedCaliforniaAccess();
    await upload(r, aPdf('RETAINED'));
    const row = await db().identityEvidence.findFirstOrThrow({ where: { requestId: r.id } });
    const decidedAt = new Date();
    await rejectEvidence({ staff: reviewer, evidenceId: row.id, reason: 'Not an identity document.', now: decidedAt });
    const job = await db().$queryRaw<{ run_at: Date }[]>`
      SELECT run_at FROM graphile_worker._private_jobs WHERE key = ${`delete-evidence:${row.id}`}`;
    expect(job[0].run_at).toEqual(new Date(decidedAt.getTime() + 30 * DAY));

    expect(await deleteIdentityEvidence({ evidenceId: row.id, now: new Date(decidedAt.getTime() + 29 * DAY) })).toBe(
      false,
    );
    expect(await purgeExpiredRecords({ now: new Date(decidedAt.getTime() + 29 * DAY) })).toMatchObject({
      identityEvidence: 0,
    });
    expect(await objectExists(row.storageKey!)).toBe(true);
    expect(
      await deleteIdentityEvidence({ evidenceId: row.id, now: new Date(decidedAt.getTime() + 30 * DAY + 1) }),
    ).toBe(true);
    expect(await objectExists(row.storageKey!)).toBe(false);
    const gone = await db().identityEvidence.findUniqueOrThrow({ where: { id: row.id } });
    expect(gone.storageKey).toBeNull();
    expect(gone.deletedAt).not.toBeNull();
    expect(await pageText(r)).toContain('Not an identity document.'); // the reason outlives the file
    await expect(openEvidence({ staff: reviewer, evidenceId: row.id })).rejects.toMatchObject({ code: 'GONE' });

    // An undecided document on the same request: the daily purge takes it once the request has
    // been closed for the window, and the request purge takes the rows.
    await upload(r, aPdf('UNDECIDED'));
    const undecided = await db().identityEvidence.findFirstOrThrow({ where: { requestId: r.id, decision: null } });
    const closedAt = (await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).closedAt!;
    expect(await purgeExpiredRecords({ now: new Date(closedAt.getTime() + 31 * DAY) })).toMatchObject({
      identityEvidence: 1,
    });
    expect(await objectExists(undecided.storageKey!)).toBe(false);
    await purgeExpiredRecords({ now: new Date(closedAt.getTime() + 25 * 31 * DAY) });
    expect(await db().identityEvidence.count({ where: { requestId: r.id } })).toBe(0);
  });

  it('removes a pending file when the request is purged', async () => {
    const r = await completedCaliforniaAccess();
    await upload(r, aPdf('PURGED'));
    const row = await db().identityEvidence.findFirstOrThrow({ where: { requestId: r.id } });
    await db().privacyRequest.update({ where: { id: r.id }, data: { closedAt: new Date(Date.now() - 30 * 31 * DAY) } });
    const result = await purgeExpiredRecords({ now: new Date() });
    expect(result.requests).toBe(1);
    expect(await objectExists(row.storageKey!)).toBe(false);
    expect(await db().identityEvidence.count()).toBe(0);
  });

  it('never goes into a data package', async () => {
    const r = await verified({ jurisdiction: 'US-CA', types: ['access'] });
    await startRequest({ staff: admin, requestId: r.id });
    await closeOpenTasks({ staff: admin, requestId: r.id, reason: 'Not part of this test' });
    await upload(r, aPdf('NEVER-IN-A-PACKAGE'));
    const row = await db().identityEvidence.findFirstOrThrow({ where: { requestId: r.id } });
    await acceptEvidence({ staff: reviewer, evidenceId: row.id, level: 'high' });
    await completeRequest({ staff: admin, requestId: r.id, message: 'Your copy is ready.' });
    await runDueJobs(); // the package is built by its job
    const pkg = await db().dataPackage.findUniqueOrThrow({ where: { requestId: r.id } });
    expect(pkg.status).toBe('ready');
    const files = await unzip(await readAll(getObject(pkg.storageKey!)));
    expect(files.size).toBeGreaterThan(0);
    for (const [name, content] of files) {
      expect(name).not.toMatch(/evidence/i);
      expect(content).not.toContain('NEVER-IN-A-PACKAGE');
    }
    expect(await objectExists(row.storageKey!)).toBe(true);
  });

  it('asking for stronger proof raises the requirement, pauses the UK clock, and resumes it once reached', async () => {
    const r = await verified({ jurisdiction: 'UK', types: ['access'] });
    await startRequest({ staff: admin, requestId: r.id });
    const before = await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } });
    const askedAt = new Date();
    await expect(
      askForStrongerProof({
        staff: viewer,
        requestId: r.id,
        level: 'high',
        reason: 'The account was recently taken over.',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const asked = await askForStrongerProof({
      staff: reviewer,
      requestId: r.id,
      level: 'high',
      reason: 'The account was recently taken over.',
      now: askedAt,
    });
    expect(asked).toEqual({ clockPaused: true });
    const waiting = await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id }, include: { pauses: true } });
    expect(waiting).toMatchObject({ status: 'awaiting_requester', verificationRequired: 'high' });
    expect(waiting.pauses).toEqual([expect.objectContaining({ reason: 'awaiting_identity', endedAt: null })]);
    const email = await db().outboxEmail.findFirstOrThrow({
      where: { requestId: r.id, template: 'stronger-proof-requested' },
    });
    expect(email.text).toContain('The account was recently taken over.');
    expect(email.text).toContain(`/status/${r.id}?token=`);
    const status = await getRequestStatus({ requestId: r.id, token: r.status.token });
    expect(status.verification).toMatchObject({ neededForWork: 'high', moreNeeded: true });
    expect(status.verification.askedFor).toEqual({ level: 'high', reason: 'The account was recently taken over.' });
    expect(status.question).toBeNull(); // no reply form: proof, not an answer, ends the wait
    // A crafted reply does not end the wait either.
    await expect(
      replyToRequest({ requestId: r.id, token: r.status.token, message: 'It is me, honestly.' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('awaiting_requester');
    await expect(
      askForStrongerProof({ staff: reviewer, requestId: r.id, level: 'high', reason: 'Asking a second time.' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    await upload(r, aPdf('PASSPORT'));
    const row = await db().identityEvidence.findFirstOrThrow({ where: { requestId: r.id } });
    // "reasonable" is not what was asked: the request keeps waiting, its clock paused.
    const second = await upload(r, aPdf('PASSPORT-2'));
    expect(second).toBe('evidence-sent');
    const rows = await db().identityEvidence.findMany({ where: { requestId: r.id }, orderBy: { uploadedAt: 'asc' } });
    await acceptEvidence({
      staff: reviewer,
      evidenceId: rows[1].id,
      level: 'reasonable',
      now: new Date(askedAt.getTime() + 5 * DAY),
    });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('awaiting_requester');

    await acceptEvidence({
      staff: reviewer,
      evidenceId: row.id,
      level: 'high',
      now: new Date(askedAt.getTime() + 10 * DAY),
    });
    const after = await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id }, include: { pauses: true } });
    expect(after).toMatchObject({ status: 'in_progress', verificationLevel: 'high' });
    expect(after.pauses[0].endedAt).toEqual(new Date(askedAt.getTime() + 10 * DAY));
    expect(after.dueAt.getTime()).toBeGreaterThan(before.dueAt.getTime());
    const resumed = await db().auditEvent.findFirstOrThrow({ where: { requestId: r.id, action: 'clock.resumed' } });
    expect(resumed.data).toMatchObject({ pausedDays: 10 });
    expect(await db().auditEvent.count({ where: { requestId: r.id, action: 'verification.proof_reached' } })).toBe(1);
  });

  it('in California the request waits for the proof but its clock keeps running', async () => {
    const r = await verified({ jurisdiction: 'US-CA', types: ['deletion'] });
    await expect(
      askForStrongerProof({
        staff: reviewer,
        requestId: r.id,
        level: 'reasonable',
        reason: 'Already what the rules ask.',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const asked = await askForStrongerProof({
      staff: reviewer,
      requestId: r.id,
      level: 'high',
      reason: 'The request names a different account holder.',
    });
    expect(asked).toEqual({ clockPaused: false });
    expect(await db().clockPause.count({ where: { requestId: r.id } })).toBe(0);
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('awaiting_requester');
    await expect(startRequest({ staff: admin, requestId: r.id })).rejects.toMatchObject({ code: 'CONFLICT' });

    // Asked before work started: once proven, the request is back to "verified", and Start creates its tasks.
    await upload(r, aPdf('LICENCE'));
    const row = await db().identityEvidence.findFirstOrThrow({ where: { requestId: r.id } });
    await acceptEvidence({ staff: reviewer, evidenceId: row.id, level: 'high' });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('verified');
    await startRequest({ staff: admin, requestId: r.id });
    expect(await db().fulfilmentTask.count({ where: { requestId: r.id } })).toBeGreaterThan(0);
  });
});
