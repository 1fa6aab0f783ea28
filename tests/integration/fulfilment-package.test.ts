import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { db } from '../../lib/db';
import { env, resetEnvCache } from '../../lib/env';
import { closeOpenTasks } from '../../lib/fulfilment/close-open-tasks';
import { ndjsonToCsv, ndjsonToJson } from '../../lib/fulfilment/package/dataset-formats';
import {
  buildDataPackage,
  deleteDataPackage,
  markPackageFailed,
} from '../../lib/fulfilment/package/build-data-package';
import { saveRedactionPattern } from '../../lib/fulfilment/redaction/save-redaction-pattern';
import {
  inspectDownloadGrant,
  openDownload,
  packageState,
  requestDownloadLink,
} from '../../lib/fulfilment/package/download-package';
import { packageReadme, supplementaryInformation } from '../../lib/fulfilment/package/supplementary-information';
import { INVENTORY_SEED } from '../../lib/fulfilment/inventory-seed';
import { POLICY_RETENTION_CRITERIA } from '../../lib/fulfilment/retention-criteria';
import { completeRequest } from '../../lib/requests/staff/complete-request';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { createDecryptStream, createEncryptStream } from '../../lib/storage/encryption';
import { objectExists, putObject } from '../../lib/storage/storage';
import { verifyRequest } from '../../lib/verification/verify-request';
import { completedWithDataset, seededInventory } from '../support/fulfilment';
import { queuedJobs, resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';

let admin: StaffIdentity;

beforeAll(async () => {
  process.env.STORAGE_ROOT = await mkdtemp(path.join(os.tmpdir(), 'portal-package-'));
  resetEnvCache();
});

beforeEach(async () => {
  await resetDatabase();
  admin = await aStaffIdentity('admin');
  await seededInventory();
});

async function text(stream: AsyncIterable<unknown>) {
  let out = '';
  for await (const chunk of stream) out += String(chunk);
  return out;
}

async function completedAccessRequest() {
  const input = aRequest({ types: ['access'] });
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  await startRequest({ staff: admin, requestId: created.id });
  await closeOpenTasks({ staff: admin, requestId: created.id, reason: 'Not part of this test' });
  await completeRequest({ staff: admin, requestId: created.id, message: 'Your copy is on its way.' });
  return { input, ...created };
}

/** Stands in for the build job's output: a stored, encrypted "package" with a window. */
async function readyPackage(requestId: string, content: string, expiresAt = new Date(Date.now() + 86_400_000)) {
  const key = `packages/${requestId}/test.zip`;
  const { size } = await putObject(key, Readable.from([content]));
  await db().dataPackage.update({
    where: { requestId },
    data: { status: 'ready', storageKey: key, size, builtAt: new Date(), expiresAt },
  });
  return key;
}

describe('package contents', () => {
  it('the README says in plain words what each file is; the supplementary information comes from the inventory', () => {
    const readme = packageReadme({
      company: 'Bitstride',
      reference: 'BR-2026-000001',
      files: [{ system: 'accounts', systemName: 'Account database', dataset: 'api_keys', rows: 2 }],
      attachments: [],
    });
    expect(readme).toContain(
      'accounts/api_keys.json and accounts/api_keys.csv: api keys from Account database (2 records)',
    );
    expect(readme).toContain('opens in a spreadsheet');
    // As seeded: no transfer recorded, no retention period confirmed (the policy states none).
    const info = supplementaryInformation({
      company: 'Bitstride',
      contactEmail: 'legal@bitstride.xyz',
      inventory: INVENTORY_SEED.map((s) => ({
        ...s,
        transferSafeguard: null,
        transferCountry: null,
        categories: s.categories.map((c) => ({ ...c, retentionConfirmedAt: null })),
      })),
    });
    for (const c of INVENTORY_SEED.flatMap((s) => s.categories)) {
      expect(info).toContain(c.name);
      expect(info).toContain(`Legal basis: ${c.legalBasis}`);
      expect(info).toContain(`How long we keep it (retention): ${POLICY_RETENTION_CRITERIA}`);
    }
    expect(info).not.toContain('such as standard contractual clauses');
    expect(info).toMatch(/complain to a data protection supervisory authority/);
  });

  it('data sets become a JSON array and a CSV (quoted, formula-safe), streamed', async () => {
    const ndjson = '{"a":1,"b":"x, \\"y\\""}\n{"a":2,"b":"=HYPERLINK()","c":true}\n';
    expect(JSON.parse(await text(ndjsonToJson(Readable.from([ndjson]))))).toEqual([
      { a: 1, b: 'x, "y"' },
      { a: 2, b: '=HYPERLINK()', c: true },
    ]);
    expect(await text(ndjsonToCsv(Readable.from([ndjson])))).toBe('a,b\r\n1,"x, ""y"""\r\n2,\'=HYPERLINK(),c=true\r\n');
    expect(JSON.parse(await text(ndjsonToJson(Readable.from(['']))))).toEqual([]);
  });

  it('encryption at rest is AES-256-GCM: round trip, and tampering is detected', async () => {
    const key = env().storageKeys[0];
    const chunks: Buffer[] = [];
    await pipeline(
      Readable.from([Buffer.from('hello '), Buffer.from('world')]),
      createEncryptStream(key),
      async (source) => {
        for await (const c of source) chunks.push(c as Buffer);
      },
    );
    const sealed = Buffer.concat(chunks);
    expect(sealed.includes(Buffer.from('hello'))).toBe(false);
    expect(await text(Readable.from([sealed]).pipe(createDecryptStream([key])))).toBe('hello world');
    sealed[20] ^= 1;
    await expect(text(Readable.from([sealed]).pipe(createDecryptStream([key])))).rejects.toThrow();
  });
});

describe('a data set that cannot be read', () => {
  // Line 3 (after a blank line) is a CSV row, not JSON: JSON.parse's message would quote its start.
  const ndjson = '{"from":"ada@example.org"}\n\ngrace.hopper@example.net,+44 20 7946 0018\n{"from":"x@example.org"}\n';

  it.each([
    ['as stored', false],
    ['through redaction', true],
  ])('%s: the failed build names the data set and line, never the content', async (_, redacted) => {
    if (redacted)
      await saveRedactionPattern({
        staff: admin,
        input: { dataset: '', pattern: 'phone', regex: '', reason: 'third_party' },
      });
    const r = await completedWithDataset({ staff: admin, name: 'tickets', rows: 3, lines: () => [ndjson] });
    const error = await buildDataPackage({ requestId: r.id }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    await markPackageFailed(r.id, error); // what the job does after its last attempt
    const stored = await db().dataPackage.findUniqueOrThrow({ where: { requestId: r.id } });
    expect(stored.status).toBe('failed');
    expect(stored.lastError).toBe(`Data set ${r.dataset}: line 3 is not valid JSON`);
    for (const text of [error!.message, error!.stack ?? '', stored.lastError!])
      for (const secret of ['grace', 'hopper', '7946', 'example']) expect(text).not.toContain(secret);
  });
});

describe('delivery', () => {
  it('completing an access request queues its package and tells the requester how to download it', async () => {
    const r = await completedAccessRequest();
    expect((await packageState(r.id))!.status).toBe('building');
    expect((await queuedJobs('build-data-package')).map((j) => j.payload.requestId)).toEqual([r.id]);
    const email = await db().outboxEmail.findFirstOrThrow({ where: { requestId: r.id, template: 'request-decided' } });
    expect(email.text.replace(/\s+/g, ' ')).toContain(
      'choose "Email me a download link": we send a one-time link to this address',
    );
  });

  it('download needs a fresh one-time link sent to the email; it works once, is audited, and expires', async () => {
    const r = await completedAccessRequest();
    await readyPackage(r.id, 'PK-the-package-bytes');
    const status = await latestStatusLink(r.input.email);
    await expect(requestDownloadLink({ requestId: r.id, statusToken: 'x'.repeat(43) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await requestDownloadLink({ requestId: r.id, statusToken: status.token, ip: '203.0.113.9' });
    const mail = await db().outboxEmail.findFirstOrThrow({ where: { requestId: r.id, template: 'download-link' } });
    expect(mail.to).toBe(r.input.email);
    const token = /\/download\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1];

    expect(await inspectDownloadGrant(token)).toMatchObject({ state: 'ready', size: 20 });
    const opened = await openDownload({ token, ip: '203.0.113.9', userAgent: 'test' });
    expect(await text(opened.stream)).toBe('PK-the-package-bytes');
    expect(opened.fileName).toMatch(/^BR-\d{4}-\d{6}-data\.zip$/);
    expect(
      await db().auditEvent.count({ where: { requestId: r.id, action: 'package.downloaded', ip: '203.0.113.9' } }),
    ).toBe(1);
    await expect(openDownload({ token })).rejects.toMatchObject({ code: 'GONE' });
    expect(await inspectDownloadGrant(token)).toMatchObject({ state: 'link_used' });

    await requestDownloadLink({ requestId: r.id, statusToken: status.token });
    const second = /\/download\/([A-Za-z0-9_-]{43})/.exec(
      (
        await db().outboxEmail.findFirstOrThrow({
          where: { requestId: r.id, template: 'download-link' },
          orderBy: { createdAt: 'desc' },
        })
      ).text,
    )![1];
    await db().downloadGrant.updateMany({ where: { usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await inspectDownloadGrant(second)).toMatchObject({
      state: 'link_expired',
      statusUrl: expect.stringContaining(`/status/${r.id}?token=`),
    });
    await expect(openDownload({ token: second })).rejects.toMatchObject({ code: 'GONE' });
  });

  it('after the download window the package is deleted and links say so', async () => {
    const r = await completedAccessRequest();
    const key = await readyPackage(r.id, 'bytes');
    const status = await latestStatusLink(r.input.email);
    await requestDownloadLink({ requestId: r.id, statusToken: status.token });
    const token = /\/download\/([A-Za-z0-9_-]{43})/.exec(
      (await db().outboxEmail.findFirstOrThrow({ where: { requestId: r.id, template: 'download-link' } })).text,
    )![1];
    const pkg = await db().dataPackage.update({
      where: { requestId: r.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await inspectDownloadGrant(token)).toMatchObject({ state: 'package_expired' });
    await expect(requestDownloadLink({ requestId: r.id, statusToken: status.token })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await deleteDataPackage({ packageId: pkg.id });
    expect(await objectExists(key)).toBe(false);
    expect((await packageState(r.id))!.status).toBe('expired');
  });
});
