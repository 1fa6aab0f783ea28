import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSealedText, sealText } from './sealed-text';

const key = randomBytes(32);

describe('sealed text', () => {
  it('opens what it sealed, and never shows the plain text', () => {
    const sealed = sealText('whsec_c2VjcmV0', 'webhook-secret', key);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
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
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[14] ^= 1;
    expect(() => openSealedText(`v1.${raw.toString('base64url')}`, 'webhook-secret', key)).toThrow(/altered/);
    expect(() => openSealedText('v2.abc', 'webhook-secret', key)).toThrow(/format/);
  });
});
