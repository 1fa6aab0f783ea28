/**
 * Runs a test file against each storage driver: `describe.each(STORAGE_DRIVERS)` and, in its
 * beforeAll, `useStorage(driver)`, which points STORAGE_ROOT at a fresh folder or at a fresh
 * prefix in a real S3-compatible server (s3rver) and gives raw access to what is stored there.
 */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { resetEnvCache } from '../../lib/env';
import { startS3Server, type S3Server } from './s3-server';

export const STORAGE_DRIVERS = ['local', 's3'] as const;
export type StorageDriverName = (typeof STORAGE_DRIVERS)[number];

export type StorageUnderTest = {
  /** The bytes as they sit in the folder or the bucket. */
  readRaw(key: string): Promise<Buffer>;
  writeRaw(key: string, bytes: Buffer): Promise<void>;
  /** The s3rver behind the s3 driver; undefined for local. */
  s3?: S3Server;
  stop(): Promise<void>;
};

const S3_VARIABLES = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'];

export async function useStorage(driver: StorageDriverName): Promise<StorageUnderTest> {
  if (driver === 'local') {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'portal-storage-'));
    process.env.STORAGE_ROOT = folder;
    resetEnvCache();
    return {
      readRaw: (key) => readFile(path.join(folder, key)),
      writeRaw: (key, bytes) => writeFile(path.join(folder, key), bytes),
      async stop() {
        delete process.env.STORAGE_ROOT;
        resetEnvCache();
        await rm(folder, { recursive: true, force: true });
      },
    };
  }
  const s3 = await startS3Server();
  const prefix = `run-${process.pid}-${Date.now()}`;
  Object.assign(process.env, s3.env(prefix));
  resetEnvCache();
  const client = s3.client();
  const Key = (key: string) => `${prefix}/${key}`;
  return {
    s3,
    async readRaw(key) {
      const object = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: Key(key) }));
      return Buffer.from(await object.Body!.transformToByteArray());
    },
    async writeRaw(key, bytes) {
      await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: Key(key), Body: bytes }));
    },
    async stop() {
      for (const name of S3_VARIABLES) delete process.env[name];
      delete process.env.STORAGE_ROOT;
      resetEnvCache();
      client.destroy();
      await s3.stop();
    },
  };
}
