/**
 * Where packages, collected data sets and attachments live: under STORAGE_ROOT, always encrypted
 * here, before any byte reaches a driver (lib/storage/encryption.ts), so a bucket or a folder only
 * ever holds ciphertext. A local folder by default (lib/storage/local-storage.ts); `s3://bucket/prefix`
 * selects an S3-compatible bucket (lib/storage/s3-storage.ts).
 */
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { env, type Env } from '../env';
import { createDecryptStream, createEncryptStream, HEADER_BYTES, sealedKeyId } from './encryption';
import { localStorage } from './local-storage';
import { s3Storage } from './s3-storage';
import type { StorageDriver } from './storage-driver';

/** Keys are ours (ids and slugs), never user input; refuse anything that could leave the root. */
function checkKey(key: string) {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,400}$/.test(key) || key.split('/').some((part) => part === '..' || part === ''))
    throw new Error(`invalid storage key: ${key}`);
  return key;
}

let current: { env: Env; driver: StorageDriver } | undefined;

/** The driver for the configuration in force (tests change it between files). */
function driver(): StorageDriver {
  const config = env();
  if (current?.env === config) return current.driver;
  const location = config.storage;
  const chosen =
    location.driver === 'local'
      ? localStorage(location.folder)
      : s3Storage({
          bucket: location.bucket,
          prefix: location.prefix,
          region: config.S3_REGION,
          endpoint: config.S3_ENDPOINT,
          forcePathStyle: config.s3ForcePathStyle,
          credentials:
            config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
              ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
              : undefined,
        });
  current = { env: config, driver: chosen };
  return chosen;
}

/** Counts the plaintext bytes that pass. */
function byteCounter() {
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, bytes: () => bytes };
}

/**
 * Streams `source` into storage, encrypted; returns the plaintext size. Nothing is stored under
 * `key` unless the whole source was read and written. `abortEarlierUploads` is for keys written
 * again by a retried job (a package): what an earlier, killed attempt left half-uploaded goes once
 * this write has succeeded.
 */
export async function putObject(
  key: string,
  source: Readable | AsyncIterable<Buffer | string>,
  options: { abortEarlierUploads?: boolean } = {},
): Promise<{ size: number }> {
  checkKey(key);
  // Configuration first: once the source flows, every exit must go through the handling below.
  const store = driver();
  const encryption = createEncryptStream(env().storageKeys[0]);
  const counter = byteCounter();
  const encrypted = new PassThrough();
  // Its errors reach the caller through `encrypting` and `writing` below. A small source can finish
  // the pipeline before a driver fails (a folder that cannot be created): destroying the stream then
  // must not become an uncaught 'error' event that ends the process.
  encrypted.on('error', () => {});
  const encrypting = pipeline(
    source instanceof Readable ? source : Readable.from(source),
    counter.stream,
    encryption,
    encrypted,
  );
  const writing = store
    .write(key, encrypted, options)
    // A driver that stops reading must not leave the source (a database cursor, say) waiting.
    .catch((error: unknown) => {
      encrypted.destroy(error as Error);
      throw error;
    });
  const [read, written] = await Promise.allSettled([encrypting, writing]);
  // The source's own failure explains more than the driver's "stream errored" that follows from it.
  if (read.status === 'rejected') throw read.reason;
  if (written.status === 'rejected') throw written.reason;
  return { size: counter.bytes() };
}

/** The decrypted object as a stream; it errors at the end if the object was tampered with. */
export function getObject(key: string): Readable {
  const source = driver().read(checkKey(key));
  const decrypt = createDecryptStream(env().storageKeys);
  source.on('error', (error) => decrypt.destroy(error));
  return source.pipe(decrypt);
}

/**
 * The id of the key an object is sealed under (lib/storage/encryption.ts), read from its first bytes;
 * null for an object written before key ids, undefined when there is no such object.
 */
export async function objectKeyId(key: string): Promise<string | null | undefined> {
  const store = driver();
  if ((await store.size(checkKey(key))) === null) return undefined;
  const source = store.read(key);
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of source) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= HEADER_BYTES) break;
    }
  } finally {
    source.destroy();
  }
  return sealedKeyId(Buffer.concat(chunks));
}

export async function objectExists(key: string): Promise<boolean> {
  return (await driver().size(checkKey(key))) !== null;
}

/** What an object takes in storage (ciphertext: `encryptedSize` of the plaintext), or null. */
export async function storedSize(key: string): Promise<number | null> {
  return driver().size(checkKey(key));
}

export async function deleteObject(key: string) {
  await driver().remove(checkKey(key));
}

/** Deletes everything under a prefix (a task's data sets, say: `tasks/<id>/`). */
export async function deletePrefix(prefix: string) {
  await driver().removeFolder(checkKey(prefix.replace(/\/$/, '')));
}
