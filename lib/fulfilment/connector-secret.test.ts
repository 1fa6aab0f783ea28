import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { freshStorageKeys } from '../../tests/support/storage-keys';
import { env } from '../env';
import { sealedTextKeyId, sealText } from '../security/sealed-text';
import {
  isSealedConnectorSecret,
  openConnectorSecret,
  resealConnectorSecret,
  sealConnectorSecret,
} from './connector-secret';

const SECRET = 'a-connector-secret-of-at-least-32-characters';
const OLD = randomBytes(32);
freshStorageKeys(OLD);

describe('connector secrets', () => {
  it('are sealed under the current storage key and open to the secret', () => {
    const sealed = sealConnectorSecret(SECRET);
    expect(isSealedConnectorSecret(sealed)).toBe(true);
    expect(sealed).not.toContain(SECRET);
    expect(sealedTextKeyId(sealed)).toBe(env().storageKeys[0].id);
    expect(openConnectorSecret(sealed)).toBe(SECRET);
  });

  it('a 200-character secret, the longest the form takes, fits the 400-character column', () => {
    expect(sealConnectorSecret('x'.repeat(200)).length).toBeLessThanOrEqual(400);
  });

  it('a plain secret from before sealing is used as it is, and sealed by the re-key job', () => {
    for (const plain of [SECRET, 'v2.not-hex.value-that-is-long-enough-to-hold-a-tag', 'v1.short', 'x'.repeat(200)]) {
      expect(isSealedConnectorSecret(plain)).toBe(false);
      expect(openConnectorSecret(plain)).toBe(plain);
      const sealed = resealConnectorSecret(plain, env().storageKeys[0].id)!;
      expect(sealedTextKeyId(sealed)).toBe(env().storageKeys[0].id);
      expect(openConnectorSecret(sealed)).toBe(plain);
    }
  });

  it('the re-key job re-seals one under an older key and leaves one under the current key', () => {
    const old = sealText(SECRET, 'fulfilment-connector-secret', OLD);
    const resealed = resealConnectorSecret(old, env().storageKeys[0].id)!;
    expect(sealedTextKeyId(resealed)).toBe(env().storageKeys[0].id);
    expect(openConnectorSecret(resealed)).toBe(SECRET);
    expect(resealConnectorSecret(resealed, env().storageKeys[0].id)).toBeNull();
  });

  it('a value sealed for another purpose (a webhook endpoint’s secret) does not open as a connector’s', () => {
    expect(() => openConnectorSecret(sealText(SECRET, 'webhook-endpoint-secret'))).toThrow(/altered/);
  });
});
