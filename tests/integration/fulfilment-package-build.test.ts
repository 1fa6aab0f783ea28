/**
 * A real package, end to end on the domain side: the demo PostgreSQL connectors collect, the build
 * job streams the data sets into an encrypted ZIP, and the file a requester downloads unzips to the
 * demo data, a README and the supplementary information. Once with a local folder for storage, once
 * with a real S3-compatible server (s3rver).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzip } from '../support/unzip';
import { db } from '../../lib/db';
import { closeOpenTasks } from '../../lib/fulfilment/close-open-tasks';
import { deleteDataPackage } from '../../lib/fulfilment/package/build-data-package';
import { openDownload, requestDownloadLink } from '../../lib/fulfilment/package/download-package';
import { completeRequest } from '../../lib/requests/staff/complete-request';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { objectExists } from '../../lib/storage/storage';
import { verifyRequest } from '../../lib/verification/verify-request';
import { aDemoPerson, seededInventory } from '../support/fulfilment';
import { runDueJobs } from '../support/jobs';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';
import { STORAGE_DRIVERS, useStorage, type StorageUnderTest } from '../support/storage-under-test';

describe.each(STORAGE_DRIVERS)('with %s storage', (driver) => {
  let storage: StorageUnderTest;
  beforeAll(async () => {
    storage = await useStorage(driver);
    await resetDatabase();
  });
  afterAll(async () => {
    await storage.stop();
  });

  it('an access request yields a ZIP of the demo data with its README and supplementary information', async () => {
    const admin = await aStaffIdentity('admin');
    await seededInventory();
    const input = aRequest({ types: ['access'], name: 'Ada Example' });
    await aDemoPerson(input.email);
    const created = await submitRequest({ input, channel: 'web' });
    await verifyRequest({ token: await latestVerificationToken(input.email) });
    await startRequest({ staff: admin, requestId: created.id });
    await runDueJobs(); // the PostgreSQL connectors collect
    await closeOpenTasks({
      staff: admin,
      requestId: created.id,
      reason: 'Manual systems hold nothing for this person',
    });
    await completeRequest({ staff: admin, requestId: created.id, message: 'Your copy is ready to download.' });
    await runDueJobs(); // the package is built
    expect((await db().dataPackage.findUniqueOrThrow({ where: { requestId: created.id } })).status).toBe('ready');

    await requestDownloadLink({ requestId: created.id, statusToken: (await latestStatusLink(input.email)).token });
    const mail = await db().outboxEmail.findFirstOrThrow({
      where: { requestId: created.id, template: 'download-link' },
    });
    const token = /\/download\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
    const { stream } = await openDownload({ token });
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const files = await unzip(Buffer.concat(chunks));

    expect([...files.keys()].sort()).toEqual(
      expect.arrayContaining([
        'README.txt',
        'supplementary-information.txt',
        'accounts/account.json',
        'accounts/account.csv',
        'accounts/api_keys.json',
        'accounts/api_keys.csv',
        'usage/usage_events.json',
        'usage/usage_events.csv',
      ]),
    );
    const account = JSON.parse(files.get('accounts/account.json')!);
    expect(account).toEqual([
      expect.objectContaining({ email: input.email, name: 'Ada Example', organization: 'Example Ltd' }),
    ]);
    expect(JSON.parse(files.get('accounts/api_keys.json')!)).toHaveLength(2);
    expect(JSON.parse(files.get('usage/usage_events.json')!)).toHaveLength(12);
    expect(files.get('accounts/account.csv')!.split('\r\n')[0]).toContain('email');
    expect(files.get('README.txt')).toContain('accounts/api_keys.json and accounts/api_keys.csv');
    const info = files.get('supplementary-information.txt')!;
    for (const heading of ['Legal basis:', 'How long we keep it (retention):']) expect(info).toContain(heading);
    expect(info).toMatch(/supervisory authority/);

    const pkg = await db().dataPackage.update({
      where: { requestId: created.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const stored = await storage.readRaw(pkg.storageKey!); // in the folder or the bucket, as ciphertext
    expect(stored.subarray(0, 4).toString()).toBe('BSE3');
    expect(stored.includes('accounts/account.json')).toBe(false);
    await deleteDataPackage({ packageId: pkg.id }); // the download window's end
    expect(await objectExists(pkg.storageKey!)).toBe(false);
  });
});
