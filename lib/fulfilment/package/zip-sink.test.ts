import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { buffer, text } from 'node:stream/consumers';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { createZipSink } from './zip-sink';

/** CRC-32 (IEEE 802.3, as ZIP uses it) bit by bit, straight from its definition: slow, plainly right. */
function referenceCrc32(bytes: Uint8Array, seed = 0): number {
  let crc = ~seed >>> 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}

/** Each entry's name and the CRC-32 its central directory record carries. */
function storedCrcs(zip: Buffer): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: false }, (error, archive) => {
      if (error || !archive) return reject(error);
      const crcs = new Map<string, number>();
      archive.on('entry', (entry: yauzl.Entry) => crcs.set(entry.fileName, entry.crc32));
      archive.on('end', () => resolve(crcs));
      archive.on('error', reject);
    });
  });
}

describe('CRC-32 from zlib in place of crc-32 (vendor/crc-32-zlib, package.json overrides)', () => {
  // What archiver's ZIP writer (compress-commons, crc32-stream) loads as crc-32.
  const crc32 = createRequire(import.meta.url)('crc-32') as {
    buf(bytes: Uint8Array | number[], seed?: number): number;
    bstr(text: string, seed?: number): number;
    str(text: string, seed?: number): number;
  };

  it('answers as crc-32 does: the check value, signed results, chained seeds, no bytes', () => {
    expect(crc32.buf(Buffer.from('123456789')) >>> 0).toBe(0xcbf43926);
    expect(crc32.buf(Buffer.from('123456789'))).toBe(0xcbf43926 | 0);
    expect(crc32.str('123456789') >>> 0).toBe(0xcbf43926);
    expect(crc32.bstr('123456789') >>> 0).toBe(0xcbf43926);
    for (let n = 0; n < 200; n++) {
      const a = randomBytes(n);
      const b = randomBytes((n * 7) % 61);
      const seed = referenceCrc32(a);
      // Seeds come back signed from crc-32 and unsigned from its callers (`>>> 0`): both continue the sum.
      expect(crc32.buf(b, seed) >>> 0).toBe(referenceCrc32(b, seed));
      expect(crc32.buf(b, seed | 0) >>> 0).toBe(referenceCrc32(Buffer.concat([a, b])));
      expect(crc32.buf([...b], seed) >>> 0).toBe(referenceCrc32(b, seed));
    }
    expect(crc32.buf(Buffer.alloc(0), 0x1234abcd)).toBe(0x1234abcd);
    expect(crc32.buf(Buffer.alloc(0))).toBe(0);
  });

  it("the archive's entries carry the CRC-32 of their content, in any chunking", async () => {
    const contents = new Map([
      ['empty.txt', [Buffer.alloc(0)]],
      ['one.txt', [Buffer.from('a')]],
      ['chunks.bin', Array.from({ length: 40 }, (_, i) => randomBytes(i * 997))],
    ]);
    const zip = createZipSink();
    for (const [name, chunks] of contents) zip.add(name, Readable.from(chunks));
    zip.end();
    const crcs = await storedCrcs(await buffer(zip.output));
    expect([...crcs.keys()]).toEqual([...contents.keys()]);
    for (const [name, chunks] of contents) expect(crcs.get(name)).toBe(referenceCrc32(Buffer.concat(chunks)));
  });
});

describe('createZipSink', () => {
  it.each(['before the output is read', 'while it is read', 'after the archive reached it'])(
    'an entry that fails %s fails the archive',
    async (when) => {
      const zip = createZipSink();
      const failing = new Readable({ read() {} });
      zip.add('a.txt', Readable.from(['a']));
      zip.add('b.txt', failing);
      zip.add('c.txt', Readable.from(['c']));
      zip.end();
      const fail = () => failing.destroy(new Error('storage went away'));
      if (when === 'before the output is read') {
        fail();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const reading = text(zip.output);
      if (when === 'while it is read') fail();
      if (when === 'after the archive reached it') setTimeout(fail, 20);
      await expect(reading).rejects.toThrow('storage went away');
    },
  );
});
