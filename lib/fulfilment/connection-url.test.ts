import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { freshStorageKeys } from '../../tests/support/storage-keys';
import { env } from '../env';
import { hasSealedForm, sealedTextKeyId, sealText } from '../security/sealed-text';
import { openConnectionUrl, resealConnectionUrl, sealConnectionUrl } from './connection-url';
import { sealConnectorSecret } from './connector-secret';
import { systemSchema } from './schemas';

const DB_URL = 'postgresql://crm_user:s3cret-pass@db.internal:5432/crm';
const OLD = randomBytes(32);
freshStorageKeys(OLD);

describe('connection URLs', () => {
  it('are sealed under the current storage key and open to the URL, password and all', () => {
    const sealed = sealConnectionUrl(DB_URL);
    expect(hasSealedForm(sealed)).toBe(true);
    expect(sealed).not.toContain('s3cret-pass');
    expect(sealed).not.toContain('crm_user');
    expect(sealedTextKeyId(sealed)).toBe(env().storageKeys[0].id);
    expect(openConnectionUrl(sealed)).toBe(DB_URL);
  });

  it('the longest DB_URL the form takes fits the 4096-character column, even in three-byte characters', () => {
    const longest = `postgresql://u:${'€'.repeat(1000 - 'postgresql://u:@h/d'.length)}@h/d`;
    expect(longest).toHaveLength(1000);
    expect(sealConnectionUrl(longest).length).toBeLessThanOrEqual(4096);
    expect(sealConnectionUrl('x'.repeat(1000)).length).toBeLessThanOrEqual(4096);
  });

  it('a plain DB_URL from before sealing is used as it is, and sealed by the re-key job', () => {
    // Every DB_URL the form takes begins postgres: none has the sealed form.
    const parsed = systemSchema.shape.connectionUrl.parse(DB_URL);
    expect(parsed).toBe(DB_URL);
    expect(hasSealedForm(DB_URL)).toBe(false);
    expect(openConnectionUrl(DB_URL)).toBe(DB_URL);
    const sealed = resealConnectionUrl(DB_URL, env().storageKeys[0].id)!;
    expect(sealedTextKeyId(sealed)).toBe(env().storageKeys[0].id);
    expect(openConnectionUrl(sealed)).toBe(DB_URL);
  });

  it('the re-key job re-seals one under an older key and leaves one under the current key', () => {
    const old = sealText(DB_URL, 'fulfilment-connection-url', OLD);
    const resealed = resealConnectionUrl(old, env().storageKeys[0].id)!;
    expect(sealedTextKeyId(resealed)).toBe(env().storageKeys[0].id);
    expect(openConnectionUrl(resealed)).toBe(DB_URL);
    expect(resealConnectionUrl(resealed, env().storageKeys[0].id)).toBeNull();
  });

  it('a connector’s sealed webhook secret does not open as a DB_URL, nor a DB_URL under a key not configured', () => {
    expect(() => openConnectionUrl(sealConnectorSecret(DB_URL))).toThrow(/altered/);
    expect(() => openConnectionUrl(sealText(DB_URL, 'fulfilment-connection-url', randomBytes(32)))).toThrow(
      /another key/,
    );
  });
});
