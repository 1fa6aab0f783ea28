/**
 * Encrypted storage against each driver: a local folder and a real S3-compatible server (s3rver,
 * tests/support/s3-server.ts). What sits in the folder or the bucket is read back raw to prove it
 * is ciphertext, and changed there to prove a tampered object does not read back.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvCache } from '../../lib/env';
import { encryptedSize } from '../../lib/storage/encryption';
import { PART_BYTES } from '../../lib/storage/s3-storage';
import { deleteObject, deletePrefix, getObject, objectExists, putObject, storedSize } from '../../lib/storage/storage';
import { STORAGE_DRIVERS, useStorage, type StorageUnderTest } from '../support/storage-under-test';

const MiB = 1024 * 1024;
const EMAIL = 'ada.lovelace@example.com';

/** One MiB of NDJSON, different for each index, like a collected data set. */
function block(index: number): Buffer {
  let text = '';
  for (let n = 0; text.length < MiB; n++) text += `{"block":${index},"n":${n},"email":"${EMAIL}"}\n`;
  return Buffer.from(text.slice(0, MiB));
}

/** `count` MiB as a stream; optionally waits before the last MiB, or breaks off before MiB `failAt`. */
async function* blocks(count: number, options: { beforeLast?: () => Promise<void>; failAt?: number } = {}) {
  for (let i = 0; i < count; i++) {
    if (i === options.failAt) throw new Error('the source broke off');
    if (i === count - 1) await options.beforeLast?.();
    yield block(i);
  }
}

function sha256OfBlocks(count: number) {
  const hash = createHash('sha256');
  for (let i = 0; i < count; i++) hash.update(block(i));
  return hash.digest('hex');
}

async function readAll(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function waitFor(condition: () => boolean, what: string) {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs `run` with some settings changed, then puts them back. */
async function withEnv(vars: Record<string, string>, run: () => Promise<void>) {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  Object.assign(process.env, vars);
  resetEnvCache();
  try {
    await run();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvCache();
  }
}

describe.each(STORAGE_DRIVERS)('%s storage', (driver) => {
  let storage: StorageUnderTest;
  beforeAll(async () => {
    storage = await useStorage(driver);
  });
  afterAll(async () => {
    await storage.stop();
  });

  it('a 12 MB stream reads back byte for byte, and what is stored is ciphertext', async () => {
    const key = 'tasks/t-roundtrip/events.ndjson';
    const { size } = await putObject(key, blocks(12));
    expect(size).toBe(12 * MiB);
    expect(
      createHash('sha256')
        .update(await readAll(getObject(key)))
        .digest('hex'),
    ).toBe(sha256OfBlocks(12));

    const raw = await storage.readRaw(key);
    expect(raw.length).toBe(encryptedSize(12 * MiB));
    expect(await storedSize(key)).toBe(raw.length);
    expect(raw.subarray(0, 4).toString()).toBe('BSE3');
    expect(raw.includes(EMAIL)).toBe(false);
    expect(raw.includes('{"block":')).toBe(false);
  });

  it('an object changed or cut short in storage does not read back', async () => {
    const key = 'packages/r-tamper/p.zip';
    await putObject(key, blocks(2));
    const raw = await storage.readRaw(key);
    const flipped = Buffer.from(raw);
    flipped[Math.floor(flipped.length / 2)] ^= 0x01;
    await storage.writeRaw(key, flipped);
    await expect(readAll(getObject(key))).rejects.toThrow(/altered or cut short/);
    await storage.writeRaw(key, raw.subarray(0, raw.length - 100));
    await expect(readAll(getObject(key))).rejects.toThrow(/altered or cut short|truncated/);
  });

  it('a source that breaks off stores nothing, and the object already there stays whole', async () => {
    await expect(putObject('packages/r-fail/new.zip', blocks(12, { failAt: 10 }))).rejects.toThrow(
      'the source broke off',
    );
    expect(await objectExists('packages/r-fail/new.zip')).toBe(false);

    const key = 'packages/r-fail/kept.zip';
    await putObject(key, Readable.from(['the first version']));
    await expect(putObject(key, blocks(12, { failAt: 10 }))).rejects.toThrow('the source broke off');
    expect((await readAll(getObject(key))).toString()).toBe('the first version');
  });

  it('objectExists, deleteObject, and reading what is not there', async () => {
    const key = 'packages/r-delete/p.zip';
    await putObject(key, Readable.from(['x']));
    expect(await objectExists(key)).toBe(true);
    await deleteObject(key);
    expect(await objectExists(key)).toBe(false);
    await deleteObject(key); // deleting twice is not an error
    await expect(readAll(getObject(key))).rejects.toThrow();
  });

  it('deletePrefix removes all 1,001 objects under a task and nothing beside it', async () => {
    const keys = Array.from({ length: 1001 }, (_, i) => `tasks/t-many/files/${String(i).padStart(4, '0')}.txt`);
    for (let i = 0; i < keys.length; i += 50)
      await Promise.all(keys.slice(i, i + 50).map((key) => putObject(key, Readable.from([key]))));
    await putObject('tasks/t-many-other/kept.txt', Readable.from(['kept']));
    await putObject('tasks/t-many.txt', Readable.from(['kept']));
    const before = storage.s3?.requests().length ?? 0;

    await deletePrefix('tasks/t-many/'); // as the retention purge calls it

    for (const key of [keys[0], keys[999], keys[1000]]) expect(await objectExists(key)).toBe(false);
    expect(await objectExists('tasks/t-many-other/kept.txt')).toBe(true);
    expect(await objectExists('tasks/t-many.txt')).toBe(true);
    if (storage.s3) {
      const calls = storage.s3.requests().slice(before);
      // Two pages of at most 1000 keys, each deleted with one DeleteObjects call.
      expect(calls.filter((c) => c.startsWith('GET ') && c.includes('list-type=2')).length).toBe(2);
      expect(calls.filter((c) => c.startsWith('POST ') && /[?&]delete/.test(c)).length).toBe(2);
    }
  });

  it('refuses keys that could leave the storage root', async () => {
    for (const key of ['../etc/passwd', 'tasks/../../x', '/abs', 'a//b']) {
      await expect(putObject(key, Readable.from(['x']))).rejects.toThrow('invalid storage key');
    }
  });
});

describe('s3 storage only', () => {
  let storage: StorageUnderTest;
  beforeAll(async () => {
    storage = await useStorage('s3');
  });
  afterAll(async () => {
    await storage.stop();
  });

  const callsFor = (key: string, pattern: RegExp) =>
    storage.s3!.requests().filter((r) => r.includes(`/${key}?`) && pattern.test(r));

  it('a large object goes up as a multipart upload while its source is still being read', async () => {
    const key = 'packages/r-multipart/p.zip';
    const parts = () => callsFor(key, /^PUT .*partNumber=/);
    // The source holds back its last MiB until S3 has seen a part: the upload does not wait for the whole.
    await putObject(key, blocks(12, { beforeLast: () => waitFor(() => parts().length >= 1, 'the first part') }));
    expect(parts().length).toBe(Math.ceil(encryptedSize(12 * MiB) / PART_BYTES));
    expect(parts().length).toBeGreaterThan(1);
    expect(callsFor(key, /^POST .*uploads/)).toHaveLength(1);
    expect(callsFor(key, /^POST .*uploadId=/)).toHaveLength(1);
    expect(
      createHash('sha256')
        .update(await readAll(getObject(key)))
        .digest('hex'),
    ).toBe(sha256OfBlocks(12));
  });

  it('a multipart upload whose source fails is aborted, not completed', async () => {
    const key = 'packages/r-abort/p.zip';
    await expect(putObject(key, blocks(12, { failAt: 10 }))).rejects.toThrow('the source broke off');
    expect(callsFor(key, /^PUT .*partNumber=/).length).toBeGreaterThanOrEqual(1);
    expect(callsFor(key, /^DELETE .*uploadId=/)).toHaveLength(1);
    expect(callsFor(key, /^POST .*uploadId=/)).toHaveLength(0);
    expect(await objectExists(key)).toBe(false);
  });

  it('a missing bucket, refused credentials and an unreachable endpoint fail with words an operator can act on', async () => {
    await withEnv({ STORAGE_ROOT: 's3://no-such-bucket/portal' }, async () => {
      await expect(putObject('packages/r/p.zip', Readable.from(['x']))).rejects.toThrow(
        'storage: writing s3://no-such-bucket/portal/packages/r/p.zip failed: the bucket "no-such-bucket" does not exist',
      );
    });
    // s3rver checks the access key id, not SigV4 signatures: a wrong secret would pass here.
    await withEnv({ S3_ACCESS_KEY_ID: 'NOT-A-KEY' }, async () => {
      await expect(putObject('packages/r/p.zip', Readable.from(['x']))).rejects.toThrow(
        'S3 refused the credentials (InvalidAccessKeyId)',
      );
    });
    await withEnv({ S3_ENDPOINT: 'http://127.0.0.1:9' }, async () => {
      await expect(objectExists('packages/r/p.zip')).rejects.toThrow('cannot reach http://127.0.0.1:9 (ECONNREFUSED)');
    });
  });
});
