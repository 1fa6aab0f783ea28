import { describe, expect, it } from 'vitest';
import { compileRedactor, PatternMemo, type RedactionRule } from './redactor';

const phone: RedactionRule = { kind: 'pattern', target: 'phone', regex: null, reason: 'third_party' };
const noRow: RedactionRule = { kind: 'row', target: 'drop me', regex: null, reason: 'trade_secret' };

describe('PatternMemo', () => {
  it('knows the rows recorded in order, and no other', () => {
    const memo = new PatternMemo();
    memo.record(1, true);
    memo.record(2, false);
    memo.record(4, true); // out of order: ignored
    memo.record(3, true);
    expect([1, 2, 3, 4].map((n) => memo.clean(n))).toEqual([true, false, true, false]);
    expect(memo.clean(0)).toBe(false);
  });

  it('grows past its first block of rows', () => {
    const memo = new PatternMemo();
    for (let n = 1; n <= 100_000; n++) memo.record(n, n % 3 === 0);
    expect(memo.clean(99_999)).toBe(true);
    expect(memo.clean(100_000)).toBe(false);
    expect(memo.clean(100_001)).toBe(false);
  });
});

describe('a redactor sharing a memo', () => {
  const rows = [{ note: 'call +44 20 7946 0001' }, { note: 'nothing here' }, { note: 'drop me' }, { note: 'fine' }];

  it('records which rows its patterns left alone, dropped rows as not clean', () => {
    const memo = new PatternMemo();
    const first = compileRedactor([noRow, phone], { requesterEmails: [], memo: { memo, role: 'record' } });
    for (const [i, row] of rows.entries()) first.apply(row, i + 1);
    expect(rows.map((_, i) => memo.clean(i + 1))).toEqual([false, true, false, true]);
  });

  it('on the second pass skips the patterns of clean rows only, with the same outcome', () => {
    const memo = new PatternMemo();
    const first = compileRedactor([noRow, phone], { requesterEmails: [], memo: { memo, role: 'record' } });
    const second = compileRedactor([noRow, phone], { requesterEmails: [], memo: { memo, role: 'reuse' } });
    const once = rows.map((row, i) => first.apply(row, i + 1));
    expect(rows.map((row, i) => second.apply(row, i + 1))).toEqual(once);
    expect(second.counts).toEqual(first.counts);
  });

  it('trusts the memo: a row it calls clean is not searched (so only ever the same rows)', () => {
    const memo = new PatternMemo();
    memo.record(1, true);
    const reuse = compileRedactor([phone], { requesterEmails: [], memo: { memo, role: 'reuse' } });
    expect(reuse.apply({ note: 'call +44 20 7946 0001' }, 1).row).toEqual({ note: 'call +44 20 7946 0001' });
    expect(reuse.apply({ note: 'call +44 20 7946 0001' }, 2).row).toEqual({ note: 'call [withheld]' });
  });
});
