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
        expect(requestDeadline({ jurisdiction, types: [requestType], receivedAt })).toEqual(fresh);
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
