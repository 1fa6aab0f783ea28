/**
 * A package build under the faults of several workers (issue #19 §1): a worker killed mid-upload,
 * two attempts at one package overlapping, an attempt that stored its file but never recorded it.
 * Against a real S3-compatible server (s3rver), where a killed upload leaves parts behind.
 */
import {
  CreateMultipartUploadCommand,
  ListMultipartUploadsCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { staffIdentity } from '../../lib/auth/current-staff';
import { dailySweep } from '../../lib/clock/daily-sweep';
import { db } from '../../lib/db';
import { closeOpenTasks } from '../../lib/fulfilment/close-open-tasks';
import { buildDataPackage, markPackageFailed, packageKey } from '../../lib/fulfilment/package/build-data-package';
import { completeRequest } from '../../lib/requests/staff/complete-request';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { PART_BYTES } from '../../lib/storage/s3-storage';
import { objectExists } from '../../lib/storage/storage';
import { verifyRequest } from '../../lib/verification/verify-request';
import { taskList } from '../../lib/worker/task-list';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestVerificationToken } from '../support/requests';
import { aStaffMember } from '../support/staff';
import { type StorageUnderTest, useStorage } from '../support/storage-under-test';

describe('package builds under worker faults (s3)', () => {
  let storage: StorageUnderTest;
  let client: S3Client;
  beforeAll(async () => {
    storage = await useStorage('s3');
    client = storage.s3!.client();
  });
  afterAll(async () => {
    client.destroy();
    await storage.stop();
  });
  beforeEach(async () => {
    await resetDatabase();
  });

  /** A completed access request whose package is `building`, its job not run. */
  async function aPackageBuilding() {
    const admin = (await staffIdentity((await aStaffMember('admin')).id))!;
    const input = aRequest({ types: ['access'] });
    const created = await submitRequest({ input, channel: 'web' });
    await verifyRequest({ token: await latestVerificationToken(input.email) });
    await startRequest({ staff: admin, requestId: created.id });
    await closeOpenTasks({ staff: admin, requestId: created.id, reason: 'Nothing held for this person' });
    await completeRequest({ staff: admin, requestId: created.id, message: 'Your copy is ready.' });
    const pkg = await db().dataPackage.findUniqueOrThrow({ where: { requestId: created.id } });
    expect(pkg.status).toBe('building');
    return { requestId: created.id, packageId: pkg.id, key: packageKey(created.id, pkg.id) };
  }

  /** The bucket's own key for a storage key (STORAGE_ROOT's prefix in front). */
  const bucketKey = (key: string) => `${process.env.STORAGE_ROOT!.replace(/^s3:\/\/[^/]+\//, '')}/${key}`;
  const unfinishedUploads = async (key: string) =>
    (
      (await client.send(new ListMultipartUploadsCommand({ Bucket: storage.s3!.bucket, Prefix: bucketKey(key) })))
        .Uploads ?? []
    ).map((u) => u.UploadId);
  const builtEvents = (requestId: string) => db().auditEvent.count({ where: { requestId, action: 'package.built' } });

  it('a retried build aborts the multipart upload a killed worker left under the same key', async () => {
    const { requestId, key } = await aPackageBuilding();
    // What a worker SIGKILLed mid-upload leaves: an upload begun, one part stored, never completed.
    const { UploadId } = await client.send(
      new CreateMultipartUploadCommand({ Bucket: storage.s3!.bucket, Key: bucketKey(key) }),
    );
    await client.send(
      new UploadPartCommand({
        Bucket: storage.s3!.bucket,
        Key: bucketKey(key),
        UploadId,
        PartNumber: 1,
        Body: Buffer.alloc(PART_BYTES),
      }),
    );
    expect(await unfinishedUploads(key)).toEqual([UploadId]);

    await buildDataPackage({ requestId });

    expect((await db().dataPackage.findUniqueOrThrow({ where: { requestId } })).status).toBe('ready');
    expect(await objectExists(key)).toBe(true);
    expect(await unfinishedUploads(key)).toEqual([]);
  });

  it('two attempts at one package that overlap record it built once', async () => {
    const { requestId } = await aPackageBuilding();
    // Both read the package while it is building, before either has stored its file.
    await Promise.all([buildDataPackage({ requestId }), buildDataPackage({ requestId })]);

    expect((await db().dataPackage.findUniqueOrThrow({ where: { requestId } })).status).toBe('ready');
    expect(await builtEvents(requestId)).toBe(1);
    const deleteJobs = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE key LIKE 'delete-data-package:%'`;
    expect(deleteJobs[0].n).toBe(1);
  });

  it('a build that fails for good after storing its file deletes the file', async () => {
    const { requestId, key } = await aPackageBuilding();
    // The upload succeeds, then recording it fails (as when the database goes away at that moment).
    await db().$executeRawUnsafe(`
      CREATE FUNCTION fail_package_built() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the database went away'; END $$`);
    await db().$executeRawUnsafe(`
      CREATE TRIGGER fail_package_built BEFORE INSERT ON audit_event FOR EACH ROW
        WHEN (NEW.action = 'package.built') EXECUTE FUNCTION fail_package_built()`);
    try {
      const failure = await buildDataPackage({ requestId }).catch((error: unknown) => error);
      expect(String(failure)).toContain('the database went away');
    } finally {
      await db().$executeRawUnsafe('DROP TRIGGER fail_package_built ON audit_event');
      await db().$executeRawUnsafe('DROP FUNCTION fail_package_built()');
    }
    expect(await objectExists(key)).toBe(true);

    await markPackageFailed(requestId, new Error('the database went away')); // the job's last attempt

    const pkg = await db().dataPackage.findUniqueOrThrow({ where: { requestId } });
    expect(pkg.status).toBe('failed');
    expect(pkg.storageKey).toBeNull();
    expect(await objectExists(key)).toBe(false);
  });

  it('a build whose last attempt fails while the database is out of reach is marked failed once it is back', async () => {
    const { requestId, key } = await aPackageBuilding();
    // Every write of the package fails, as while PostgreSQL restarts: recording it built, then
    // marking it failed after the job's last attempt. The database comes back 1.5 s later.
    await db().$executeRawUnsafe(`
      CREATE FUNCTION package_unreachable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the database went away'; END $$`);
    await db().$executeRawUnsafe(`
      CREATE TRIGGER package_unreachable BEFORE UPDATE ON data_package
        FOR EACH ROW EXECUTE FUNCTION package_unreachable()`);
    const back = new Promise<void>((resolve, reject) =>
      setTimeout(() => {
        db()
          .$executeRawUnsafe('DROP TRIGGER package_unreachable ON data_package')
          .then(() => db().$executeRawUnsafe('DROP FUNCTION package_unreachable()'))
          .then(() => resolve(), reject);
      }, 1500),
    );
    const build = taskList['build-data-package']!;
    const lastAttempt = { job: { attempts: 5, max_attempts: 5 } } as unknown as Parameters<typeof build>[1];
    const failure = await Promise.resolve(build({ requestId }, lastAttempt)).catch((error: unknown) => error);
    await back;

    expect(String(failure)).toContain('the database went away');
    const pkg = await db().dataPackage.findUniqueOrThrow({ where: { requestId } });
    expect(pkg.status).toBe('failed');
    expect(pkg.lastError).toContain('the database went away');
    expect(await objectExists(key)).toBe(false);
  }, 30_000);

  it('the daily sweep builds again a package left building with no build to finish it', async () => {
    const { requestId } = await aPackageBuilding();
    const later = new Date(Date.now() + 2 * 3_600_000);
    const jobOf = async () =>
      (
        await db().$queryRaw<{ attempts: number; max_attempts: number; locked: boolean }[]>`
          SELECT attempts, max_attempts, locked_at IS NOT NULL AS locked FROM graphile_worker._private_jobs
          WHERE key = ${`build-data-package:${requestId}`}`
      )[0];
    const spend = (lockedAgo: string) =>
      db().$executeRawUnsafe(
        `UPDATE graphile_worker._private_jobs SET attempts = max_attempts, locked_by = 'a-worker-that-died',
           locked_at = now() - interval '${lockedAgo}' WHERE key = $1`,
        `build-data-package:${requestId}`,
      );
    // Its build is waiting: nothing to repair, whatever the hour.
    expect((await dailySweep(later)).packageBuildsRepaired).toBe(0);
    // The last attempt still running (locked within graphile-worker's 4 hours): left alone.
    await spend('1 minute');
    expect((await dailySweep(later)).packageBuildsRepaired).toBe(0);
    // The worker of the last attempt died: its lock is past graphile-worker's limit, no attempt is left.
    await spend('5 hours');
    expect((await dailySweep(new Date())).packageBuildsRepaired).toBe(0); // made within the hour
    expect((await dailySweep(later)).packageBuildsRepaired).toBe(1);
    const job = await jobOf();
    expect(job.attempts).toBeLessThan(job.max_attempts);
    expect((await dailySweep(later)).packageBuildsRepaired).toBe(0);
    await buildDataPackage({ requestId });
    expect((await db().dataPackage.findUniqueOrThrow({ where: { requestId } })).status).toBe('ready');
    expect((await dailySweep(later)).packageBuildsRepaired).toBe(0);
  }, 30_000);
});
