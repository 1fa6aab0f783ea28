import { afterEach, describe, expect, it } from 'vitest';
import { scopedEnv } from '../../tests/support/scoped-env';
import { statusToken, statusTokenMatches } from '../security/status-token';
import { checkFormGuard, formStartedStamp } from './form-guard';

const keys = scopedEnv(['APP_SECRET', 'APP_SECRET_PREVIOUS']);
afterEach(() => keys.restore());

const served = new Date('2026-11-26T10:00:00Z');
const secondsAfter = (seconds: number) => new Date(served.getTime() + seconds * 1000);

describe('form guard', () => {
  it('lets a person through after the minimum time, however long the tab stayed open', () => {
    const stamp = formStartedStamp(served);
    expect(checkFormGuard({ honeypot: '', stamp, now: secondsAfter(3), minSeconds: 3 })).toEqual({ ok: true });
    expect(checkFormGuard({ honeypot: '', stamp, now: secondsAfter(86_400 * 3), minSeconds: 3 })).toEqual({ ok: true });
  });

  it('stops a form sent back faster than a person can fill it', () => {
    expect(
      checkFormGuard({ honeypot: '', stamp: formStartedStamp(served), now: secondsAfter(1), minSeconds: 3 }),
    ).toEqual({ ok: false, reason: 'too-fast' });
  });

  it('stops a filled honeypot, a missing stamp and a forged one', () => {
    const stamp = formStartedStamp(served);
    expect(checkFormGuard({ honeypot: 'http://spam', stamp, now: secondsAfter(10), minSeconds: 3 })).toMatchObject({
      reason: 'honeypot',
    });
    expect(checkFormGuard({ honeypot: '', stamp: '', now: secondsAfter(10), minSeconds: 3 })).toMatchObject({
      reason: 'no-stamp',
    });
    const earlier = String(served.getTime() - 60_000);
    expect(
      checkFormGuard({ honeypot: '', stamp: `${earlier}.${stamp.split('.')[1]}`, now: secondsAfter(0), minSeconds: 3 }),
    ).toMatchObject({ reason: 'no-stamp' });
  });

  it('checks only the honeypot when the minimum is 0', () => {
    expect(checkFormGuard({ honeypot: '', stamp: '', minSeconds: 0 })).toEqual({ ok: true });
    expect(checkFormGuard({ honeypot: 'x', stamp: '', minSeconds: 0 })).toMatchObject({ reason: 'honeypot' });
  });
});

describe('signed under a previous APP_SECRET (docs/decisions/022)', () => {
  it('a form stamp and a status link keep working while the old secret is listed, and stop when it goes', () => {
    const [A, B] = ['a'.repeat(40), 'b'.repeat(40)];
    const request = { id: '5f0c1f63-0000-4000-8000-000000000001', statusNonce: 'n'.repeat(32) };
    keys.set({ APP_SECRET: A });
    const stamp = formStartedStamp(served);
    const link = statusToken(request);
    keys.set({ APP_SECRET: B, APP_SECRET_PREVIOUS: A });
    expect(checkFormGuard({ honeypot: '', stamp, now: secondsAfter(10), minSeconds: 3 })).toEqual({ ok: true });
    expect(statusTokenMatches(request, link)).toBe(true);
    expect(statusToken(request)).not.toBe(link);
    keys.set({ APP_SECRET: B });
    expect(checkFormGuard({ honeypot: '', stamp, now: secondsAfter(10), minSeconds: 3 })).toMatchObject({
      reason: 'no-stamp',
    });
    expect(statusTokenMatches(request, link)).toBe(false);
  });
});
