import { describe, expect, it } from 'vitest';
import { provenIdentities, unprovenAccountEmail } from './account-email-claim';

const at = new Date('2026-12-02T09:00:00Z');

describe('account email claims', () => {
  it('leaves a named account email out until it is proven', () => {
    const request = { email: 'Me@Example.com ', accountEmail: 'other@example.com', accountEmailVerifiedAt: null };
    expect(provenIdentities(request)).toEqual(['me@example.com']);
    expect(unprovenAccountEmail(request)).toBe('other@example.com');
  });

  it('adds it once proven', () => {
    const request = { email: 'me@example.com', accountEmail: 'Other@Example.com', accountEmailVerifiedAt: at };
    expect(provenIdentities(request)).toEqual(['me@example.com', 'other@example.com']);
    expect(unprovenAccountEmail(request)).toBeNull();
  });

  it('has no claim when none is named, or the same address is named again', () => {
    expect(
      unprovenAccountEmail({ email: 'me@example.com', accountEmail: null, accountEmailVerifiedAt: null }),
    ).toBeNull();
    const same = { email: 'me@example.com', accountEmail: 'ME@example.com', accountEmailVerifiedAt: null };
    expect(unprovenAccountEmail(same)).toBeNull();
    expect(provenIdentities(same)).toEqual(['me@example.com']);
  });
});
