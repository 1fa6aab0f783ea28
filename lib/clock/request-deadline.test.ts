import { describe, expect, it } from 'vitest';
import { computeDeadline } from '../deadlines';
import { JURISDICTIONS, REQUEST_TYPES } from '../universal/codes';
import { deadlineRules, requestDeadline } from './request-deadline';

describe('requestDeadline on a first clock (computed once per day)', () => {
  // Every 97 minutes across the Christmas holidays and the turn of the year, then around the March
  // DST change: local midnights in every rule's zone, weekends and public holidays all fall in between.
  const instants = [
    ...Array.from({ length: 160 }, (_, i) => new Date(Date.UTC(2026, 11, 22) + i * 97 * 60_000)),
    ...Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2027, 2, 27) + i * 97 * 60_000)),
  ];

  it.each(JURISDICTIONS)('in %s, equals a fresh computation for every type and instant', (jurisdiction) => {
    for (const requestType of REQUEST_TYPES) {
      for (const receivedAt of instants) {
        const fresh = computeDeadline({
          jurisdiction,
          requestType,
          receivedAt,
          verifiedAt: null,
          pauses: [],
          extended: false,
          rules: deadlineRules(),
        });
        const { types, ...deadline } = requestDeadline({ jurisdiction, types: [requestType], receivedAt });
        expect(deadline).toEqual(fresh);
        expect(types).toEqual([{ ...fresh, requestType, completed: false }]);
      }
    }
  });

  it('hands out copies: changing one answer does not change the next', () => {
    const receivedAt = new Date('2026-11-26T12:00:00Z');
    const first = requestDeadline({ jurisdiction: 'UK', types: ['access'], receivedAt });
    const expected = structuredClone(first);
    first.dueAt.setTime(0);
    first.explanation.push('changed');
    expect(requestDeadline({ jurisdiction: 'UK', types: ['access'], receivedAt })).toEqual(expected);
  });
});

describe('a request of several types keeps every clock', () => {
  // Mon 2 Mar 2026, 09:00 in Los Angeles. Pinned: the answers below are days of the calendar.
  const receivedAt = new Date('2026-03-02T17:00:00Z');
  const verifiedAt = new Date('2026-03-02T17:05:00Z');
  const mixed = { jurisdiction: 'US-CA', types: ['access', 'opt_out_sale'] as const, receivedAt, verifiedAt };
  const alone = (requestType: 'access' | 'opt_out_sale', extended = false) =>
    computeDeadline({ jurisdiction: 'US-CA', requestType, receivedAt, verifiedAt, extended, rules: deadlineRules() });
  const day = (date: Date | null) =>
    date ? date.toLocaleDateString('en-CA', { timeZone: 'America/Los_Angeles' }) : null;

  it('CCPA regs §7026(f) and §7021: due at the opt-out, acknowledged by the access clock', () => {
    const deadline = requestDeadline(mixed, verifiedAt);
    expect(day(deadline.dueAt)).toBe(day(alone('opt_out_sale').dueAt));
    expect(day(deadline.dueAt)).toBe('2026-03-23'); // 15 business days
    // The opt-out clock has no acknowledgement; access's 10 business days still bind the request.
    expect(alone('opt_out_sale').acknowledgeBy).toBeNull();
    expect(day(deadline.acknowledgeBy)).toBe('2026-03-16');
    expect(deadline.types.map((t) => [t.requestType, day(t.dueAt), day(t.maxExtendedDueAt)])).toEqual([
      ['access', '2026-04-16', '2026-05-31'],
      ['opt_out_sale', '2026-03-23', null],
    ]);
  });

  it('CCPA regs §7021(b): the extension moves access to 90 days and leaves the opt-out at 15 business days', () => {
    const extended = requestDeadline({ ...mixed, extendedAt: verifiedAt }, verifiedAt);
    expect(extended.types.map((t) => [t.requestType, day(t.dueAt)])).toEqual([
      ['access', day(alone('access', true).dueAt)],
      ['opt_out_sale', '2026-03-23'],
    ]);
    expect(day(extended.types[0].dueAt)).toBe('2026-05-31');
  });

  it('once the opt-out is completed, the request is due at the access clock', () => {
    const deadline = requestDeadline({ ...mixed, completedTypes: ['opt_out_sale'] }, verifiedAt);
    expect(day(deadline.dueAt)).toBe('2026-04-16');
    expect(deadline.types.find((t) => t.requestType === 'opt_out_sale')?.completed).toBe(true);
  });

  it('once every type is completed, the last clock to close stays', () => {
    const deadline = requestDeadline({ ...mixed, completedTypes: ['opt_out_sale', 'access'] }, verifiedAt);
    expect(day(deadline.dueAt)).toBe('2026-04-16');
  });
});
