import { createCipheriv, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyId } from '../env';
import { SEGMENT_BYTES, createDecryptStream, createEncryptStream, encryptedSize, sealedKeyId } from './encryption';

const key = randomBytes(32);
const current = { id: keyId(key), key };

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Feeds `data` in pieces of the given sizes, as a file or network stream would. */
function pieces(data: Buffer, sizes: number[]): Readable {
  const parts: Buffer[] = [];
  let at = 0;
  for (let i = 0; at < data.length; i += 1) {
    const size = Math.max(1, sizes.length ? sizes[i % sizes.length] : data.length);
    parts.push(data.subarray(at, at + size));
    at += size;
  }
  return Readable.from(parts);
}

const encrypt = (data: Buffer, sizes: number[] = []) => collect(pieces(data, sizes).pipe(createEncryptStream(current)));

/** What a reader gets before the stream fails, and whether it failed. */
async function decrypt(sealed: Buffer, sizes: number[] = []) {
  const released: Buffer[] = [];
  try {
    await pipeline(pieces(sealed, sizes), createDecryptStream([current]), async (source) => {
      for await (const chunk of source) released.push(chunk as Buffer);
    });
    return { data: Buffer.concat(released), error: null };
  } catch (error) {
    return { data: Buffer.concat(released), error: error as Error };
  }
}

describe('encryption at rest', () => {
  it('round-trips any content, cut into any pieces on either side', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3 * SEGMENT_BYTES + 17 }),
        fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 4 }),
        async (length, inSizes, outSizes) => {
          const data = randomBytes(length);
          const sealed = await encrypt(data, inSizes);
          expect(sealed.length).toBe(encryptedSize(length));
          const opened = await decrypt(sealed, outSizes);
          expect(opened.error).toBeNull();
          expect(opened.data.equals(data)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('holds no plaintext and differs every time for the same content', async () => {
    const data = Buffer.from('hello world '.repeat(10_000));
    const [a, b] = [await encrypt(data), await encrypt(data)];
    expect(a.includes(Buffer.from('hello world'))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('never releases a byte of a segment that was altered', async () => {
    const data = randomBytes(3 * SEGMENT_BYTES + 100);
    const sealed = await encrypt(data);
    // A flipped bit in the third segment: the first two are released, nothing of the third.
    const at = 19 + 2 * (SEGMENT_BYTES + 16) + 5;
    sealed[at] ^= 1;
    const opened = await decrypt(sealed, [4096]);
    expect(opened.error?.message).toMatch(/altered or cut short/);
    expect(opened.data.equals(data.subarray(0, 2 * SEGMENT_BYTES))).toBe(true);
  });

  it('refuses an object cut at a segment boundary, swapped segments and a foreign key', async () => {
    const data = randomBytes(3 * SEGMENT_BYTES + 100);
    const sealed = await encrypt(data);
    const header = 19;
    const record = SEGMENT_BYTES + 16;
    const cut = sealed.subarray(0, header + 2 * record);
    expect((await decrypt(cut)).error?.message).toMatch(/altered or cut short/);

    const swapped = Buffer.concat([
      sealed.subarray(0, header),
      sealed.subarray(header + record, header + 2 * record),
      sealed.subarray(header, header + record),
      sealed.subarray(header + 2 * record),
    ]);
    const opened = await decrypt(swapped);
    expect(opened.error).not.toBeNull();
    expect(opened.data.length).toBe(0);

    const other = await collect(
      Readable.from([sealed])
        .pipe(createDecryptStream([{ id: current.id, key: randomBytes(32) }]))
        .on('error', () => undefined),
    ).catch((e: Error) => e);
    expect(other).toBeInstanceOf(Error);
  });

  it('refuses what is not an encrypted object, or stops before its header ends', async () => {
    expect((await decrypt(Buffer.from('PK\u0003\u0004 a plain zip file'))).error?.message).toMatch(
      /not an encrypted object/,
    );
    expect((await decrypt((await encrypt(Buffer.from('x'))).subarray(0, 9))).error?.message).toMatch(/truncated/);
  });

  it('still reads objects written in the earlier one-tag layout (BSE1)', async () => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = randomBytes(200_000);
    const sealed = Buffer.concat([Buffer.from('BSE1'), iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
    const opened = await decrypt(sealed, [777]);
    expect(opened.error).toBeNull();
    expect(opened.data.equals(data)).toBe(true);
    sealed[sealed.length - 1] ^= 1;
    expect((await decrypt(sealed)).error).not.toBeNull();
  });

  it('names the key it was sealed with, opens under that key among several, and says which key is missing', async () => {
    const older = { id: keyId(Buffer.from('older')), key: randomBytes(32) };
    const data = randomBytes(SEGMENT_BYTES + 5);
    const sealed = await collect(Readable.from([data]).pipe(createEncryptStream(older)));
    expect(sealedKeyId(sealed)).toBe(older.id);
    expect(sealedKeyId(Buffer.from('BSE2 and more bytes'))).toBeNull();
    const opened = await collect(Readable.from([sealed]).pipe(createDecryptStream([current, older])));
    expect(opened.equals(data)).toBe(true);
    const missing = await collect(
      Readable.from([sealed])
        .pipe(createDecryptStream([current]))
        .on('error', () => undefined),
    ).catch((e: Error) => e);
    expect(String(missing)).toContain(`sealed under key ${older.id}, which is not configured`);
  });

  it('opens a BSE2 object, written before key ids, with whichever known key opens it', async () => {
    const older = randomBytes(32);
    const data = randomBytes(2 * SEGMENT_BYTES + 9);
    const v3 = await collect(Readable.from([data]).pipe(createEncryptStream({ id: keyId(older), key: older })));
    // The same layout without the id: what BSE2 objects are.
    const v2 = Buffer.concat([Buffer.from('BSE2'), v3.subarray(12)]);
    const opened = await collect(
      Readable.from([v2]).pipe(createDecryptStream([current, { id: keyId(older), key: older }])),
    );
    expect(opened.equals(data)).toBe(true);
    const unknown = await collect(
      Readable.from([v2])
        .pipe(createDecryptStream([current]))
        .on('error', () => undefined),
    ).catch((e: Error) => e);
    expect(String(unknown)).toMatch(/sealed under a key that is not configured/);
  });
});
