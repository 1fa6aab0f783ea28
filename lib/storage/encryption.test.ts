import { createCipheriv, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEGMENT_BYTES, createDecryptStream, createEncryptStream, encryptedSize } from './encryption';

const key = randomBytes(32);

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

const encrypt = (data: Buffer, sizes: number[] = []) => collect(pieces(data, sizes).pipe(createEncryptStream(key)));

/** What a reader gets before the stream fails, and whether it failed. */
async function decrypt(sealed: Buffer, sizes: number[] = []) {
  const released: Buffer[] = [];
  try {
    await pipeline(pieces(sealed, sizes), createDecryptStream(key), async (source) => {
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
    const at = 11 + 2 * (SEGMENT_BYTES + 16) + 5;
    sealed[at] ^= 1;
    const opened = await decrypt(sealed, [4096]);
    expect(opened.error?.message).toMatch(/altered or cut short/);
    expect(opened.data.equals(data.subarray(0, 2 * SEGMENT_BYTES))).toBe(true);
  });

  it('refuses an object cut at a segment boundary, swapped segments and a foreign key', async () => {
    const data = randomBytes(3 * SEGMENT_BYTES + 100);
    const sealed = await encrypt(data);
    const header = 11;
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
        .pipe(createDecryptStream(randomBytes(32)))
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
});
