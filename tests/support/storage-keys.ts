import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach } from 'vitest';
import { scopedEnv } from './scoped-env';

/**
 * For each test of the file: a new current storage key, and `previous` as the one before it
 * (STORAGE_ENCRYPTION_KEYS_PREVIOUS), so that what a test seals with `previous` is an old key's work.
 */
export function freshStorageKeys(previous: Buffer) {
  const settings = scopedEnv(['APP_SECRET', 'STORAGE_ENCRYPTION_KEY', 'STORAGE_ENCRYPTION_KEYS_PREVIOUS']);
  beforeEach(() =>
    settings.set({
      APP_SECRET: `a-secret-${'a'.repeat(40)}`,
      STORAGE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      STORAGE_ENCRYPTION_KEYS_PREVIOUS: previous.toString('base64'),
    }),
  );
  afterEach(() => settings.restore());
}
