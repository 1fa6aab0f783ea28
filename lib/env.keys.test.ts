import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { scopedEnv } from '../tests/support/scoped-env';
import { env, keyId } from './env';

const settings = scopedEnv([
  'APP_SECRET',
  'APP_SECRET_PREVIOUS',
  'STORAGE_ENCRYPTION_KEY',
  'STORAGE_ENCRYPTION_KEYS_PREVIOUS',
]);
afterEach(() => settings.restore());

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('keys that change', () => {
  it('lists the current key first, then the previous ones, each by its fingerprint', () => {
    const [k1, k2] = [randomBytes(32), randomBytes(32)];
    settings.set({
      APP_SECRET: B,
      APP_SECRET_PREVIOUS: ` ${A} `,
      STORAGE_ENCRYPTION_KEY: k2.toString('base64'),
      STORAGE_ENCRYPTION_KEYS_PREVIOUS: k1.toString('base64'),
    });
    expect(env().appSecrets).toEqual([
      { id: keyId(B), secret: B },
      { id: keyId(A), secret: A },
    ]);
    expect(keyId(A)).toMatch(/^[0-9a-f]{16}$/);
    const ids = env().storageKeys.map((k) => k.id);
    // Then the keys derived from each secret, which encrypted storage while STORAGE_ENCRYPTION_KEY was unset.
    expect(ids.slice(0, 2)).toEqual([keyId(k2), keyId(k1)]);
    expect(ids).toHaveLength(4);
  });

  it('refuses short or repeated secrets, a listed current key and keys that are not 32 bytes, naming the entry', () => {
    settings.set({ APP_SECRET: B, APP_SECRET_PREVIOUS: `${A},short` });
    expect(() => env()).toThrow(/APP_SECRET_PREVIOUS: entry 2 must be at least 32 characters/);
    settings.set({ APP_SECRET: B, APP_SECRET_PREVIOUS: `${A},${B}` });
    expect(() => env()).toThrow(/APP_SECRET_PREVIOUS: lists the current APP_SECRET/);
    settings.set({ APP_SECRET: B, APP_SECRET_PREVIOUS: `${A},${A}` });
    expect(() => env()).toThrow(/APP_SECRET_PREVIOUS: lists the same secret twice/);
    const key = randomBytes(32).toString('base64');
    settings.set({ STORAGE_ENCRYPTION_KEY: key, STORAGE_ENCRYPTION_KEYS_PREVIOUS: `${key}` });
    expect(() => env()).toThrow(/STORAGE_ENCRYPTION_KEYS_PREVIOUS: lists the current STORAGE_ENCRYPTION_KEY/);
    settings.set({ STORAGE_ENCRYPTION_KEYS_PREVIOUS: `${randomBytes(32).toString('base64')},c2hvcnQ=` });
    expect(() => env()).toThrow(/STORAGE_ENCRYPTION_KEYS_PREVIOUS: entry 2 must be 32 bytes/);
  });
});
