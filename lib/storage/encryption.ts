/**
 * Encryption at rest: AES-256-GCM as streams (never a whole file in memory), in segments so that a
 * reader only ever passes on bytes that have been authenticated.
 *
 * Layout "BSE2" (the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár, 2015):
 *   "BSE2" | 7-byte random nonce prefix | segment 0 | segment 1 | … | last segment
 * Each segment is up to 64 KiB of ciphertext followed by its 16-byte GCM tag, sealed under the
 * nonce prefix | 4-byte segment number | 1 byte that is 1 only for the last segment. Swapping,
 * dropping or repeating segments fails a tag; cutting the object at a segment boundary fails too,
 * because the segment that is now last was not sealed as last.
 *
 * "BSE1" objects (one GCM tag at the very end, written before segments) are still read, so packages
 * inside their download window survive an upgrade; their reader can only detect tampering at the end.
 */
import { createCipheriv, createDecipheriv, randomBytes, type DecipherGCM } from 'node:crypto';
import { Transform } from 'node:stream';

const MAGIC_V1 = Buffer.from('BSE1');
const MAGIC = Buffer.from('BSE2');
const PREFIX_BYTES = 7;
const LEGACY_IV_BYTES = 12;
const TAG_BYTES = 16;
export const SEGMENT_BYTES = 64 * 1024;
const RECORD_BYTES = SEGMENT_BYTES + TAG_BYTES;
const MAX_SEGMENTS = 2 ** 32;

/** The size of the stored object for `plainBytes` of content: header, and a tag per segment. */
export function encryptedSize(plainBytes: number): number {
  return MAGIC.length + PREFIX_BYTES + plainBytes + TAG_BYTES * Math.max(1, Math.ceil(plainBytes / SEGMENT_BYTES));
}

function segmentNonce(prefix: Buffer, index: number, last: boolean) {
  if (index >= MAX_SEGMENTS) throw new Error('encrypted object is too large');
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, PREFIX_BYTES);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

function seal(key: Buffer, prefix: Buffer, index: number, last: boolean, plain: Buffer) {
  const cipher = createCipheriv('aes-256-gcm', key, segmentNonce(prefix, index, last));
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function open(key: Buffer, prefix: Buffer, index: number, last: boolean, record: Buffer) {
  if (record.length < TAG_BYTES) throw new Error('encrypted object is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, segmentNonce(prefix, index, last));
  decipher.setAuthTag(record.subarray(record.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(record.subarray(0, record.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new Error('encrypted object was altered or cut short');
  }
}

/** Collects a stream's chunks and hands them out in pieces of `size` bytes. */
class Chunker {
  private parts: Buffer[] = [];
  private length = 0;

  push(chunk: Buffer) {
    this.parts.push(chunk);
    this.length += chunk.length;
  }

  get size() {
    return this.length;
  }

  take(size: number): Buffer {
    const all = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.length);
    const head = all.subarray(0, size);
    const rest = all.subarray(size);
    this.parts = rest.length ? [rest] : [];
    this.length = rest.length;
    return head;
  }
}

export function createEncryptStream(key: Buffer): Transform {
  const prefix = randomBytes(PREFIX_BYTES);
  const pending = new Chunker();
  let index = 0;
  let headerSent = false;
  const header = (stream: Transform) => {
    if (!headerSent) stream.push(Buffer.concat([MAGIC, prefix]));
    headerSent = true;
  };
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        header(this);
        pending.push(chunk);
        // Keep at least one byte back: the last segment must be sealed as last, even if it is full.
        while (pending.size > SEGMENT_BYTES) this.push(seal(key, prefix, index++, false, pending.take(SEGMENT_BYTES)));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        header(this);
        done(null, seal(key, prefix, index, true, pending.take(SEGMENT_BYTES)));
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

export function createDecryptStream(key: Buffer): Transform {
  const pending = new Chunker();
  let version: 1 | 2 | null = null;
  let prefix = Buffer.alloc(0);
  let index = 0;
  let legacy: DecipherGCM | null = null;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        pending.push(chunk);
        if (version === null) {
          // Every object of either layout is longer than this, so the header is whole by now.
          if (pending.size < MAGIC.length + LEGACY_IV_BYTES) return done();
          const magic = pending.take(MAGIC.length);
          if (magic.equals(MAGIC)) {
            version = 2;
            prefix = Buffer.from(pending.take(PREFIX_BYTES));
          } else if (magic.equals(MAGIC_V1)) {
            version = 1;
            legacy = createDecipheriv('aes-256-gcm', key, pending.take(LEGACY_IV_BYTES));
          } else {
            throw new Error('not an encrypted object');
          }
        }
        if (version === 1) {
          // Old layout: everything but the last 16 bytes is ciphertext.
          if (pending.size > TAG_BYTES) this.push(legacy!.update(pending.take(pending.size - TAG_BYTES)));
          return done();
        }
        // A full record is not known to be the last until more bytes follow it.
        while (pending.size > RECORD_BYTES) this.push(open(key, prefix, index++, false, pending.take(RECORD_BYTES)));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        if (version === 2) return done(null, open(key, prefix, index, true, pending.take(RECORD_BYTES)));
        if (version === 1 && pending.size === TAG_BYTES) {
          legacy!.setAuthTag(pending.take(TAG_BYTES));
          return done(null, legacy!.final());
        }
        throw new Error('encrypted object is truncated');
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
