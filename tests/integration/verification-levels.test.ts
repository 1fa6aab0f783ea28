/**
 * Verification levels on real PostgreSQL: each request records the checks that succeeded and the
 * level they reach; staff cannot start work below the level its regime and types require before
 * work, and the data package is not released below the level required before disclosure
 * (lib/verification/level-rules.ts).
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DateTime } from 'luxon';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as statusPage } from '../../app/(public)/status/[id]/route';
import { db } from '../../lib/db';
import { env, resetEnvCache } from '../../lib/env';
import { closeOpenTasks } from '../../lib/fulfilment/close-open-tasks';
import { getCcpaReport } from '../../lib/metrics/ccpa-report';
import { openDownload, requestDownloadLink } from '../../lib/fulfilment/package/download-package';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { getRequestStatus } from '../../lib/requests/get-request-status';
import { completeRequest } from '../../lib/requests/staff/complete-request';
import { getRequestDetail } from '../../lib/requests/staff/get-request-detail';
import { listRequests } from '../../lib/requests/staff/list-requests';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { putObject } from '../../lib/storage/storage';
import type { NewRequest } from '../../lib/universal/request-schema';
import { closeUnverifiableRequests } from '../../lib/requests/close-unverifiable-requests';
import { recordVerificationCheck } from '../../lib/verification/record-verification-check';
import { verifyRequest } from '../../lib/verification/verify-request';
import { seededInventory } from '../support/fulfilment';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';

let admin: StaffIdentity;

beforeAll(async () => {
  process.env.STORAGE_ROOT = await mkdtemp(path.join(os.tmpdir(), 'portal-levels-'));
  resetEnvCache();
});

beforeEach(async () => {
  await resetDatabase();
  admin = await aStaffIdentity('admin');
  await seededInventory();
});

async function verified(overrides: Partial<NewRequest>) {
  const input = aRequest(overrides);
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  return { input, id: created.id, status: await latestStatusLink(input.email) };
}

const check = (requestId: string, method: 'data_points' | 'declaration' | 'account_sign_in', points?: number) =>
  db().$transaction((tx) =>
    recordVerificationCheck(tx, { requestId, method, points, actor: { type: 'requester', ip: '203.0.113.9' } }),
  );

async function packageReady(requestId: string) {
  const key = `packages/${requestId}/test.zip`;
  const { size } = await putObject(key, Readable.from(['zip']));
  await db().dataPackage.update({
    where: { requestId },
    data: { status: 'ready', storageKey: key, size, builtAt: new Date(), expiresAt: new Date(Date.now() + 86_400_000) },
  });
}

describe('verification levels', () => {
  it('the email link is recorded as a check and reaches "email"', async () => {
    const r = await verified({ jurisdiction: 'UK', types: ['access'] });
    const checks = await db().verificationCheck.findMany({ where: { requestId: r.id } });
    expect(checks.map((c) => c.method)).toEqual(['email_link']);
    const detail = await getRequestDetail({ staff: admin, requestId: r.id });
    expect(detail.verification).toMatchObject({ reached: 'email', readyForWork: true, readyForDisclosure: true });
    expect(detail.verification.required.rules[0].source).toMatch(/GDPR|Art\. 12/);
    expect(detail.workShortfall).toBeNull();
  });

  it('refuses to start a California deletion at "email", with the reason; one matched data point more lets it start', async () => {
    const r = await verified({ jurisdiction: 'US-CA', types: ['deletion'] });
    const detail = await getRequestDetail({ staff: admin, requestId: r.id });
    expect(detail.workShortfall).toMatch(/Reasonable certainty.*before work starts.*7062/);
    await expect(startRequest({ staff: admin, requestId: r.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(
        /needs "Reasonable certainty" before work starts; so far: "Email address confirmed"/,
      ),
    });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('verified');
    expect(await db().fulfilmentTask.count({ where: { requestId: r.id } })).toBe(0);

    const queue = await listRequests({ staff: admin, filter: {} });
    expect(queue.rows.find((row) => row.id === r.id)?.verification).toEqual({ reached: 'email', readyForWork: false });

    const raised = await check(r.id, 'data_points', 1);
    expect(raised).toEqual({ before: 'email', level: 'reasonable' });
    await startRequest({ staff: admin, requestId: r.id });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('in_progress');
    const events = await db().auditEvent.findMany({
      where: { requestId: r.id, action: 'verification.check_succeeded' },
    });
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ method: 'data_points', level: 'reasonable', previousLevel: 'email' });
  });

  it('holds a California access package back until "high": no link, no download, the status page says why', async () => {
    const r = await verified({ jurisdiction: 'US-CA', types: ['access'] });
    // Two data points: enough for the categories (§7062(b)), not for specific pieces.
    await check(r.id, 'data_points', 1);
    await startRequest({ staff: admin, requestId: r.id });
    await closeOpenTasks({ staff: admin, requestId: r.id, reason: 'Not part of this test' });
    await completeRequest({ staff: admin, requestId: r.id, message: 'Your copy is ready.' });
    await packageReady(r.id);
    const decided = await db().outboxEmail.findFirstOrThrow({
      where: { requestId: r.id, template: 'request-decided' },
    });
    expect(decided.text).toContain(
      'as a request for the categories of information we hold (CCPA regulations §7024(a))',
    );
    expect(decided.text).toMatch(/What we did, system by system/);
    expect(decided.text).not.toContain('Email me a download link');

    await expect(requestDownloadLink({ requestId: r.id, statusToken: r.status.token })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/"High certainty" before its data is released/),
    });
    expect(await db().downloadGrant.count({ where: { requestId: r.id } })).toBe(0);
    const status = await getRequestStatus({ requestId: r.id, token: r.status.token });
    expect(status.verification).toMatchObject({
      reached: 'reasonable',
      neededForRelease: 'high',
      readyForRelease: false,
    });
    expect(status.verification.moreNeeded).toBe(true);
    const page = await (
      await statusPage(new Request(`http://localhost/status/${r.id}?token=${r.status.token}`), {
        params: Promise.resolve({ id: r.id }),
      })
    ).text();
    expect(page).toContain('Prove who you are');
    expect(page).toContain('We can release it once you have proven who you are');
    expect(page).not.toContain('Email me a download link');

    // A link granted earlier (say, before a rule changed) does not open the package either.
    await db().downloadGrant.create({
      data: { requestId: r.id, tokenHash: 'a'.repeat(64), expiresAt: new Date(Date.now() + 60_000) },
    });

    await check(r.id, 'data_points', 2);
    await expect(requestDownloadLink({ requestId: r.id, statusToken: r.status.token })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await check(r.id, 'declaration');
    await requestDownloadLink({ requestId: r.id, statusToken: r.status.token });
    expect(await db().downloadGrant.count({ where: { requestId: r.id } })).toBe(2);
    expect((await getRequestStatus({ requestId: r.id, token: r.status.token })).verification.moreNeeded).toBe(false);
  });

  it('at "email" alone a California access is answered without even the categories (§7062(b), §7024(b))', async () => {
    const r = await verified({ jurisdiction: 'US-CA', types: ['access'] });
    await startRequest({ staff: admin, requestId: r.id });
    await closeOpenTasks({ staff: admin, requestId: r.id, reason: 'Not part of this test' });
    await completeRequest({ staff: admin, requestId: r.id, message: 'Your copy is ready.' });
    const decided = await db().outboxEmail.findFirstOrThrow({
      where: { requestId: r.id, template: 'request-decided' },
    });
    expect(decided.text).toContain('before we tell you even the categories of personal information we hold about you');
    expect(decided.text).toContain(env().PRIVACY_POLICY_URL);
    expect(decided.text).not.toContain('as a request for the categories of information we hold');
    expect(decided.text).not.toMatch(/What we did, system by system/);
    expect(decided.text).not.toContain('Email me a download link');
  });

  it('a download link already sent is refused below the level, and not used up', async () => {
    const r = await verified({ jurisdiction: 'US-CA', types: ['export'] });
    await check(r.id, 'account_sign_in');
    await startRequest({ staff: admin, requestId: r.id });
    await closeOpenTasks({ staff: admin, requestId: r.id, reason: 'Not part of this test' });
    await completeRequest({ staff: admin, requestId: r.id, message: 'Your copy is ready.' });
    await packageReady(r.id);
    await requestDownloadLink({ requestId: r.id, statusToken: r.status.token });
    const email = await db().outboxEmail.findFirstOrThrow({
      where: { requestId: r.id, template: 'download-link' },
      orderBy: { createdAt: 'desc' },
    });
    const token = /\/download\/([A-Za-z0-9_-]{43})/.exec(email.text)![1];

    // Staff raise what the request needs (reasonable doubts): the link no longer opens the package.
    await db().privacyRequest.update({ where: { id: r.id }, data: { verificationLevel: 'reasonable' } });
    await expect(openDownload({ token })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await db().downloadGrant.findFirstOrThrow({ where: { requestId: r.id } })).usedAt).toBeNull();
    await db().privacyRequest.update({ where: { id: r.id }, data: { verificationLevel: 'high' } });
    const download = await openDownload({ token });
    expect(download.fileName).toMatch(/-data\.zip$/);
    download.stream.destroy();
  });

  it('a request still below its level for work at its due date is closed as "could not verify", with notices', async () => {
    const stuck = await verified({ jurisdiction: 'US-CA', types: ['deletion'] });
    const proven = await verified({ jurisdiction: 'US-CA', types: ['deletion'] });
    await check(proven.id, 'data_points', 1);
    const enough = await verified({ jurisdiction: 'UK', types: ['access'] });
    const dueAt = (await db().privacyRequest.findUniqueOrThrow({ where: { id: stuck.id } })).dueAt;

    expect(await closeUnverifiableRequests(new Date(dueAt.getTime() - 60_000))).toBe(0);
    const after = new Date(dueAt.getTime() + 3_600_000);
    expect(await closeUnverifiableRequests(after)).toBe(1);
    const closed = await db().privacyRequest.findUniqueOrThrow({ where: { id: stuck.id } });
    expect(closed).toMatchObject({ status: 'denied', denialReason: 'cannot_verify', decidedById: null });
    expect(closed.closedAt).toEqual(after);
    const email = await db().outboxEmail.findFirstOrThrow({
      where: { requestId: stuck.id, template: 'request-decided' },
    });
    expect(email.text).toContain('CCPA regulations §7022(a)');
    expect(email.text).toContain('/status/');
    for (const other of [proven, enough])
      expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: other.id } })).status).toBe('verified');
    expect(await closeUnverifiableRequests(after)).toBe(0);
  });

  it('closed below its level, it counts as denied, not verifiable, in the §7102 report', async () => {
    const stuck = await verified({ jurisdiction: 'US-CA', types: ['deletion'] });
    const row = await db().privacyRequest.findUniqueOrThrow({ where: { id: stuck.id } });
    expect(await closeUnverifiableRequests(new Date(row.dueAt.getTime() + 3_600_000))).toBe(1);
    const year = DateTime.fromJSDate(row.receivedAt, { zone: 'America/Los_Angeles' }).year;
    const report = await getCcpaReport({ staff: admin, year });
    expect(report.rows.find((r) => r.category === 'delete')).toMatchObject({
      received: 1,
      denied: 1,
      deniedNotVerifiable: 1,
    });
  });

  it('an opt-out needs nothing and a GDPR request needs only the email', async () => {
    // Not even the email link: an opt-out is acted on at receipt (lib/verification/opt-outs.ts).
    const optOut = await submitRequest({
      input: aRequest({ jurisdiction: 'US-CA', types: ['opt_out_sale'] }),
      channel: 'web',
    });
    expect(optOut).toMatchObject({ status: 'in_progress', verificationRequired: false });
    const detail = await getRequestDetail({ staff: admin, requestId: optOut.id });
    expect(detail.verification.required).toMatchObject({ beforeWork: 'none', beforeDisclosure: 'none' });
    const eu = await verified({ jurisdiction: 'EU', types: ['access', 'deletion'] });
    await startRequest({ staff: admin, requestId: eu.id });
  });
});
