import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { scopedEnv } from '../../tests/support/scoped-env';
import { createCipheriv } from 'node:crypto';
import { keyId } from '../env';
import { openSealedText, sealedTextKeyId, sealText } from './sealed-text';

const key = randomBytes(32);
const settings = scopedEnv(['APP_SECRET', 'STORAGE_ENCRYPTION_KEY', 'STORAGE_ENCRYPTION_KEYS_PREVIOUS']);
afterEach(() => settings.restore());

describe('sealed text', () => {
  it('opens what it sealed, and never shows the plain text', () => {
    const sealed = sealText('whsec_c2VjcmV0', 'webhook-secret', key);
    expect(sealed).toMatch(/^v2\.[0-9a-f]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealedTextKeyId(sealed)).toBe(keyId(key));
    expect(sealed).not.toContain('c2VjcmV0');
    expect(openSealedText(sealed, 'webhook-secret', key)).toBe('whsec_c2VjcmV0');
  });

  it('seals the same text differently each time', () => {
    expect(sealText('same', 'p', key)).not.toBe(sealText('same', 'p', key));
  });

  it('refuses another purpose, another key and an altered value', () => {
    const sealed = sealText('secret', 'webhook-secret', key);
    expect(() => openSealedText(sealed, 'other', key)).toThrow(/altered/);
    expect(() => openSealedText(sealed, 'webhook-secret', randomBytes(32))).toThrow(/altered/);
    const raw = Buffer.from(sealed.split('.')[2], 'base64url');
    raw[14] ^= 1;
    expect(() => openSealedText(`v1.${raw.toString('base64url')}`, 'webhook-secret', key)).toThrow(/altered/);
    expect(() => openSealedText(`v2.${keyId(key)}.${raw.toString('base64url')}`, 'webhook-secret', key)).toThrow(
      /altered/,
    );
    expect(() => openSealedText('v3.abc', 'webhook-secret', key)).toThrow(/format/);
    expect(() => openSealedText('v2.abc', 'webhook-secret', key)).toThrow(/format/);
  });

  it('opens a secret sealed under a previous storage key after a rotation, and not once that key is dropped', () => {
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const sealed = sealText('whsec_old', 'webhook-secret', oldKey);
    settings.set({
      APP_SECRET: 'c'.repeat(40),
      STORAGE_ENCRYPTION_KEY: newKey.toString('base64'),
      STORAGE_ENCRYPTION_KEYS_PREVIOUS: oldKey.toString('base64'),
    });
    expect(openSealedText(sealed, 'webhook-secret')).toBe('whsec_old');
    expect(openSealedText(sealText('whsec_new', 'webhook-secret'), 'webhook-secret', newKey)).toBe('whsec_new');
    settings.set({ APP_SECRET: 'c'.repeat(40), STORAGE_ENCRYPTION_KEY: newKey.toString('base64') });
    expect(() => openSealedText(sealed, 'webhook-secret')).toThrow(new RegExp(`another key \\(id ${keyId(oldKey)}\\)`));
  });

  it('still opens the v1 layout, which names no key, under whichever known key sealed it', () => {
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', oldKey, nonce);
    cipher.setAAD(Buffer.from('webhook-secret'));
    const body = Buffer.concat([nonce, cipher.update('whsec_v1', 'utf8'), cipher.final(), cipher.getAuthTag()]);
    const sealed = `v1.${body.toString('base64url')}`;
    settings.set({
      APP_SECRET: 'c'.repeat(40),
      STORAGE_ENCRYPTION_KEY: newKey.toString('base64'),
      STORAGE_ENCRYPTION_KEYS_PREVIOUS: oldKey.toString('base64'),
    });
    expect(sealedTextKeyId(sealed)).toBeNull();
    expect(openSealedText(sealed, 'webhook-secret')).toBe('whsec_v1');
  });
});
