/**
 * Encryption at rest: AES-256-GCM as streams (never a whole file in memory). Layout of a stored
 * object: "BSE1" | 12-byte IV | ciphertext | 16-byte GCM tag. Decryption holds back the last 16
 * bytes as the tag; a tampered or truncated object fails at its end, so readers must treat the
 * stream's error as "do not trust what you read".
 */
import { createCipheriv, createDecipheriv, randomBytes, type DecipherGCM } from 'node:crypto';
import { Transform } from 'node:stream';

const MAGIC = Buffer.from('BSE1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const ENCRYPTION_OVERHEAD = MAGIC.length + IV_BYTES + TAG_BYTES;

export function createEncryptStream(key: Buffer): Transform {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  let headerSent = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (!headerSent) {
        this.push(Buffer.concat([MAGIC, iv]));
        headerSent = true;
      }
      done(null, cipher.update(chunk));
    },
    flush(done) {
      if (!headerSent) this.push(Buffer.concat([MAGIC, iv]));
      this.push(cipher.final());
      done(null, cipher.getAuthTag());
    },
  });
}

export function createDecryptStream(key: Buffer): Transform {
  let header = Buffer.alloc(0);
  let decipher: DecipherGCM | null = null;
  let held = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        if (!decipher) {
          header = Buffer.concat([header, chunk]);
          if (header.length < MAGIC.length + IV_BYTES) return done();
          if (!header.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not an encrypted object');
          decipher = createDecipheriv('aes-256-gcm', key, header.subarray(MAGIC.length, MAGIC.length + IV_BYTES));
          chunk = header.subarray(MAGIC.length + IV_BYTES);
        }
        held = Buffer.concat([held, chunk]);
        if (held.length <= TAG_BYTES) return done();
        const body = held.subarray(0, held.length - TAG_BYTES);
        held = held.subarray(held.length - TAG_BYTES);
        done(null, decipher.update(body));
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        if (!decipher || held.length !== TAG_BYTES) throw new Error('encrypted object is truncated');
        decipher.setAuthTag(held);
        done(null, decipher.final());
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
