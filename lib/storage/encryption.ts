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
 * "BSE3" is the same with the id of the key that sealed it (lib/env.ts keyId, 8 bytes) after the
 * magic, so that keys can change (docs/decisions/022): a reader picks the key by that id, and the
 * re-key job finds what is still under an older key by reading headers alone:
 *   "BSE3" | 8-byte key id | 7-byte random nonce prefix | segments as above
 * "BSE2" objects, written before key ids, are opened with whichever known key opens their first segment.
 *
 * "BSE1" objects (one GCM tag at the very end, written before segments) are still read, so packages
 * inside their download window survive an upgrade; their reader can only detect tampering at the end.
 */
import { createCipheriv, createDecipheriv, randomBytes, type DecipherGCM } from 'node:crypto';
import { Transform } from 'node:stream';

const MAGIC_V1 = Buffer.from('BSE1');
const MAGIC_V2 = Buffer.from('BSE2');
const MAGIC = Buffer.from('BSE3');
const KEY_ID_BYTES = 8;
const PREFIX_BYTES = 7;
const LEGACY_IV_BYTES = 12;
const TAG_BYTES = 16;
export const SEGMENT_BYTES = 64 * 1024;
const RECORD_BYTES = SEGMENT_BYTES + TAG_BYTES;
const MAX_SEGMENTS = 2 ** 32;

/** The size of the stored object for `plainBytes` of content: header, and a tag per segment. */
export function encryptedSize(plainBytes: number): number {
  return (
    MAGIC.length +
    KEY_ID_BYTES +
    PREFIX_BYTES +
    plainBytes +
    TAG_BYTES * Math.max(1, Math.ceil(plainBytes / SEGMENT_BYTES))
  );
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

  peek(size: number): Buffer {
    return (this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.length)).subarray(0, size);
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

/** A key and its id (lib/env.ts keyId: 16 hex digits). */
export type SealingKey = { id: string; key: Buffer };

/** The id of the key an object was sealed with, from its first bytes; null for objects older than key ids. */
export function sealedKeyId(head: Buffer): string | null {
  if (head.length < MAGIC.length + KEY_ID_BYTES || !head.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  return head.subarray(MAGIC.length, MAGIC.length + KEY_ID_BYTES).toString('hex');
}

/** How many bytes `sealedKeyId` needs. */
export const HEADER_BYTES = MAGIC.length + KEY_ID_BYTES;

export function createEncryptStream(sealing: SealingKey): Transform {
  const { key } = sealing;
  const keyIdBytes = Buffer.from(sealing.id, 'hex');
  if (keyIdBytes.length !== KEY_ID_BYTES) throw new Error('a key id is 16 hex digits');
  const prefix = randomBytes(PREFIX_BYTES);
  const pending = new Chunker();
  let index = 0;
  let headerSent = false;
  const header = (stream: Transform) => {
    if (!headerSent) stream.push(Buffer.concat([MAGIC, keyIdBytes, prefix]));
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

/**
 * Opens an object sealed under any of `keys` (the first is the current one). An object that names a
 * key id not among them fails with a message naming that id.
 */
export function createDecryptStream(keys: readonly SealingKey[]): Transform {
  const pending = new Chunker();
  let version: 1 | 2 | null = null;
  let prefix = Buffer.alloc(0);
  let index = 0;
  let legacy: DecipherGCM | null = null;
  // Known once the header names it, or once a key opened the first segment of an object without an id.
  let key: Buffer | null = null;
  const openFirst = (last: boolean, record: Buffer) => {
    for (const candidate of keys) {
      try {
        const plain = open(candidate.key, prefix, 0, last, record);
        key = candidate.key;
        return plain;
      } catch {}
    }
    throw new Error('encrypted object was altered or cut short, or sealed under a key that is not configured');
  };
  const openRecord = (last: boolean, record: Buffer) => {
    const plain = key ? open(key, prefix, index, last, record) : openFirst(last, record);
    index += 1;
    return plain;
  };
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        pending.push(chunk);
        if (version === null) {
          // Every object of either layout is longer than this, so the header is whole by now.
          if (pending.size < MAGIC.length + LEGACY_IV_BYTES) return done();
          if (pending.peek(MAGIC.length).equals(MAGIC) && pending.size < HEADER_BYTES + PREFIX_BYTES) return done();
          const magic = pending.take(MAGIC.length);
          if (magic.equals(MAGIC)) {
            version = 2;
            const id = pending.take(KEY_ID_BYTES).toString('hex');
            const found = keys.find((k) => k.id === id);
            if (!found)
              throw new Error(
                `encrypted object was sealed under key ${id}, which is not configured (STORAGE_ENCRYPTION_KEYS_PREVIOUS)`,
              );
            key = found.key;
            prefix = Buffer.from(pending.take(PREFIX_BYTES));
          } else if (magic.equals(MAGIC_V2)) {
            version = 2;
            prefix = Buffer.from(pending.take(PREFIX_BYTES));
          } else if (magic.equals(MAGIC_V1)) {
            version = 1;
            // One tag at the very end: no early trial of keys; these are read with the current key.
            legacy = createDecipheriv('aes-256-gcm', keys[0].key, pending.take(LEGACY_IV_BYTES));
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
        while (pending.size > RECORD_BYTES) this.push(openRecord(false, pending.take(RECORD_BYTES)));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        if (version === 2) return done(null, openRecord(true, pending.take(RECORD_BYTES)));
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
