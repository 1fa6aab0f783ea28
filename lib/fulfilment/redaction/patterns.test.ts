/**
 * The built-in patterns skip a text their cheap pre-check rules out; these properties show the
 * pre-checks never rule out a text the expressions would redact, so the result is the expressions'.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phoneRunStart, mayHoldSecret, patternRedactor, WITHHELD } from './patterns';

/** The phone pattern as documented: 9 to 15 digits, optionally after + and (, split by at most two of space . - ( ). */
const PHONE_AS_DOCUMENTED = /(?<![\d+])\+?\(?\d(?:[ .\-()]{0,2}\d){8,14}(?!\d)/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** Texts rich in what phone numbers are made of, with the characters that break them. */
const phoneish = fc
  .array(fc.constantFrom(...'0123456789 .-()+ab_\n'.split('')), { maxLength: 60 })
  .map((chars) => chars.join(''));

describe('phoneRunStart', () => {
  it('finds the first nine phone characters in a row, as a search for them does', () => {
    fc.assert(
      fc.property(phoneish, (text) => {
        expect(phoneRunStart(text)).toBe(text.search(/[0-9 .\-()+]{9}/));
      }),
      { numRuns: 5_000 },
    );
  });

  it('reads runs at the start, the end and across window edges', () => {
    expect(phoneRunStart('')).toBe(-1);
    expect(phoneRunStart('12345678')).toBe(-1);
    expect(phoneRunStart('123456789')).toBe(0);
    expect(phoneRunStart('abcdefgh123456789')).toBe(8);
    expect(phoneRunStart('1234a5678b1234c5678')).toBe(-1);
    expect(phoneRunStart('a1234567a12345678a')).toBe(-1);
    expect(phoneRunStart('abcd0123abcde+44 20 7946 0001')).toBe(13);
    expect(phoneRunStart('é12345678€')).toBe(-1);
  });
});

describe('the phone pattern', () => {
  it('withholds what the documented expression finds, dates apart, and nothing else', () => {
    const phone = patternRedactor('phone', { requesterEmails: [] });
    fc.assert(
      fc.property(phoneish, (text) => {
        let expected = 0;
        const want = text.replace(PHONE_AS_DOCUMENTED, (m) => {
          if (ISO_DATE.test(m)) return m;
          expected += 1;
          return WITHHELD;
        });
        const tally = { n: 0 };
        expect(phone(text, tally)).toBe(want);
        expect(tally.n).toBe(expected);
      }),
      { numRuns: 5_000 },
    );
  });

  it('finds numbers in long hex and prose, and leaves dates with their hour', () => {
    const phone = patternRedactor('phone', { requesterEmails: [] });
    const tally = { n: 0 };
    expect(phone(`${'c4ca4238a0b923820dcc509a6f75849b'.repeat(3)} call +44 20 7946 0001.`, tally)).toBe(
      `${'c4ca4238a0b923820dcc509a6f75849b'.repeat(3)} call ${WITHHELD}.`,
    );
    expect(phone('at 2026-03-04 10:00', tally)).toBe('at 2026-03-04 10:00');
    expect(phone('d41d8cd98f00b204e9800998ecf8427e', tally)).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(tally.n).toBe(1);
  });
});

describe('the secret pattern', () => {
  const SECRETS = [
    'sk_live_abcdEFGH1234',
    'pk_test_12345678',
    'rk_live_ZZZZZZZZ',
    'ghp_abcdefghijklmnopqrstuvwxyz',
    'gho_ABCDEFGHIJKLMNOPQRST',
    'AKIAABCDEFGHIJKLMNOP',
    'xoxb-1234567890-abc',
    'Bearer abcdefghijklmnop.qrs',
  ];

  it('finds each kind of secret inside any text, so its pre-check never rules one out', () => {
    const secret = patternRedactor('secret', { requesterEmails: [] });
    fc.assert(
      fc.property(fc.constantFrom(...SECRETS), fc.string({ maxLength: 20 }), (key, around) => {
        const text = `${around} ${key} ${around}`;
        expect(mayHoldSecret(text)).toBe(true);
        const tally = { n: 0 };
        expect(secret(text, tally)).toContain(WITHHELD);
        expect(tally.n).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('rules out text holding none of the markers', () => {
    expect(mayHoldSecret('c4ca4238a0b923820dcc509a6f75849b')).toBe(false);
    expect(mayHoldSecret('a bearer of news')).toBe(false);
    expect(mayHoldSecret('snake_case')).toBe(true);
  });
});
