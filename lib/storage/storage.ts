/**
 * Where packages, collected data sets and attachments live: under STORAGE_ROOT, always encrypted
 * (lib/storage/encryption.ts). A local folder by default; `s3://bucket/prefix` selects an
 * S3-compatible bucket through the AWS SDK.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { env } from '../env';
import { createDecryptStream, createEncryptStream } from './encryption';

/** Keys are ours (ids and slugs), never user input; refuse anything that could leave the root. */
function checkKey(key: string) {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,400}$/.test(key) || key.split('/').some((part) => part === '..' || part === '')) throw new Error(`invalid storage key: ${key}`);
  return key;
}

function localPath(key: string) {
  const root = env().STORAGE_ROOT;
  if (root.startsWith('s3://')) {
    // The S3 driver needs @aws-sdk/client-s3 and @aws-sdk/lib-storage, not installed in this build.
    throw new Error('STORAGE_ROOT=s3://… needs the AWS SDK (@aws-sdk/client-s3, @aws-sdk/lib-storage), which this build does not include.');
  }
  return path.resolve(root, checkKey(key));
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

/** Streams `source` into storage, encrypted; returns the plaintext size. */
export async function putObject(key: string, source: Readable | AsyncIterable<Buffer | string>): Promise<{ size: number }> {
  const file = localPath(key);
  await mkdir(path.dirname(file), { recursive: true });
  const counter = byteCounter();
  const partial = `${file}.partial`;
  await pipeline(source instanceof Readable ? source : Readable.from(source), counter.stream, createEncryptStream(env().storageKey), createWriteStream(partial));
  await rename(partial, file);
  return { size: counter.bytes() };
}

/** The decrypted object as a stream; it errors at the end if the object was tampered with. */
export function getObject(key: string): Readable {
  const source = createReadStream(localPath(key));
  const decrypt = createDecryptStream(env().storageKey);
  source.on('error', (error) => decrypt.destroy(error));
  return source.pipe(decrypt);
}

export async function objectExists(key: string): Promise<boolean> {
  return stat(localPath(key)).then(() => true, () => false);
}

export async function deleteObject(key: string) {
  await rm(localPath(key), { force: true });
}

/** Deletes everything under a prefix (a task's data sets, say). */
export async function deletePrefix(prefix: string) {
  await rm(localPath(prefix), { recursive: true, force: true });
}
