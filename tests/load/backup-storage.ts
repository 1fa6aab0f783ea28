/**
 * The storage half of the backup drill (tests/load/backup-restore.ts), as the README's "Backup and
 * restore" does it for each driver: a folder copied to a backup folder and back into an empty one;
 * or a bucket's objects under the portal's prefix copied to a backup bucket (`aws s3 sync`) and back
 * under an empty prefix, on a real S3-compatible server (s3rver). Objects are copied as stored:
 * ciphertext, readable only with the storage key kept apart.
 */
import {
  CopyObjectCommand,
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { cp, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { startS3Server } from '../support/s3-server';

export const STORAGES = ['local', 's3'] as const;
export type StorageName = (typeof STORAGES)[number];

export type DrillStorage = {
  /** Where the backup went and where it is restored to, for the drill's output. */
  describe: { backup: string; restored: string };
  /** The portal's settings for the storage it fills. */
  sourceEnv: Record<string, string>;
  /** The settings of the storage restored into. */
  restoredEnv: Record<string, string>;
  /** Copies the storage to the backup: how many objects, and their bytes as stored. */
  backup(): Promise<{ objects: number; contents: Buffer[] }>;
  /** Copies the backup into the storage restored into. */
  restore(): Promise<void>;
  /** How many objects the storage restored into holds. */
  restoredObjects(): Promise<number>;
  stop(): Promise<void>;
};

async function filesUnder(folder: string): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

function localStorage(work: string): DrillStorage {
  const [source, backup, restored] = ['storage', 'storage-backup', 'storage-restored'].map((d) => path.join(work, d));
  return {
    describe: { backup: 'a folder beside it', restored: 'a new folder' },
    sourceEnv: { STORAGE_ROOT: source },
    restoredEnv: { STORAGE_ROOT: restored },
    async backup() {
      await cp(source, backup, { recursive: true });
      const files = await filesUnder(backup);
      return { objects: files.length, contents: await Promise.all(files.map((f) => readFile(f))) };
    },
    restore: () => cp(backup, restored, { recursive: true }),
    restoredObjects: async () => (await filesUnder(restored)).length,
    stop: async () => {},
  };
}

/** Every key under `prefix/` in `bucket`, page by page. */
async function keysUnder(client: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}/`, ContinuationToken: token }),
    );
    keys.push(...(page.Contents ?? []).map((o) => o.Key!));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/** `aws s3 sync s3://from/fromPrefix s3://to/toPrefix`, for a bucket that only grows. */
async function copyObjects(client: S3Client, from: [string, string], to: [string, string]): Promise<string[]> {
  const keys = await keysUnder(client, ...from);
  for (const key of keys) {
    await client.send(
      new CopyObjectCommand({
        CopySource: `${from[0]}/${key}`,
        Bucket: to[0],
        Key: `${to[1]}/${key.slice(from[1].length + 1)}`,
      }),
    );
  }
  return keys.map((key) => `${to[1]}/${key.slice(from[1].length + 1)}`);
}

async function s3Storage(): Promise<DrillStorage> {
  const server = await startS3Server({ bucket: 'privacy-packages' });
  const client = server.client();
  const backupBucket = 'privacy-backups';
  await client.send(new CreateBucketCommand({ Bucket: backupBucket }));
  const source: [string, string] = [server.bucket, 'portal'];
  const backup: [string, string] = [backupBucket, `portal-${new Date().toISOString().slice(0, 10)}`];
  const restored: [string, string] = [server.bucket, 'portal-restored'];
  return {
    describe: { backup: `s3://${backup[0]}/${backup[1]}`, restored: `s3://${restored[0]}/${restored[1]}` },
    sourceEnv: server.env(source[1]),
    restoredEnv: server.env(restored[1]),
    async backup() {
      const keys = await copyObjects(client, source, backup);
      const contents = await Promise.all(
        keys.map(async (Key) => {
          const object = await client.send(new GetObjectCommand({ Bucket: backup[0], Key }));
          return Buffer.from(await object.Body!.transformToByteArray());
        }),
      );
      return { objects: keys.length, contents };
    },
    restore: async () => void (await copyObjects(client, backup, restored)),
    restoredObjects: async () => (await keysUnder(client, ...restored)).length,
    async stop() {
      client.destroy();
      await server.stop();
    },
  };
}

export function drillStorage(name: StorageName, work: string): Promise<DrillStorage> {
  return name === 's3' ? s3Storage() : Promise.resolve(localStorage(work));
}
