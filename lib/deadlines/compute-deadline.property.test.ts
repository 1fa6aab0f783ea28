import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { JURISDICTIONS, REQUEST_TYPES } from '../universal/codes';
import { isWorkingDay } from './calendar';
import { computeDeadline, DEFAULT_RULES, resolveRule, type ComputeDeadlineOptions, type Pause } from './index';

const RUNS = { numRuns: 500 };
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Longest run of non-working days a roll may skip after the paused days (UK Christmas is 4). */
const LONGEST_ROLL_DAYS = 5;

// Pauses are placed around the receipt date: some before it, most inside the first months,
// lengths from zero to 40 days, at minute precision so partial days occur.
const pausesNear = (receivedAt: Date) =>
  fc
    .array(
      fc.record({
        startMinutes: fc.integer({ min: -3 * 24 * 60, max: 120 * 24 * 60 }),
        lengthMinutes: fc.integer({ min: 0, max: 40 * 24 * 60 }),
      }),
      { maxLength: 4 },
    )
    .map((specs) =>
      specs.map(({ startMinutes, lengthMinutes }): Pause => {
        const from = new Date(receivedAt.getTime() + startMinutes * MINUTE_MS);
        return { from, to: new Date(from.getTime() + lengthMinutes * MINUTE_MS), reason: 'awaiting_identity' };
      }),
    );

const requests = fc
  .record({
    jurisdiction: fc.constantFrom(...JURISDICTIONS),
    requestType: fc.constantFrom(...REQUEST_TYPES),
    receivedAt: fc.date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2035-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
    extended: fc.boolean(),
  })
  .chain((request) => pausesNear(request.receivedAt).map((pauses) => ({ ...request, pauses })));

/** Length of the union of the pauses after receipt: the time the clock actually stood still. */
function stoppedMs(pauses: readonly Pause[], receivedAt: Date): number {
  const intervals = pauses
    .map(({ from, to }) => [Math.max(from.getTime(), receivedAt.getTime()), to.getTime()] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let coveredUntil = -Infinity;
  for (const [from, to] of intervals) {
    if (to <= coveredUntil) continue;
    total += to - Math.max(from, coveredUntil);
    coveredUntil = to;
  }
  return total;
}

const localDay = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone }).startOf('day');
const isEndOfLocalDay = (instant: Date, zone: string) => {
  const local = DateTime.fromJSDate(instant, { zone });
  return local.hour === 23 && local.minute === 59 && local.second === 59 && local.millisecond === 999;
};

describe('computeDeadline invariants (all jurisdictions x request types, receipt 2020-2035, random pauses)', () => {
  it('is due after receipt', () => {
    fc.assert(
      fc.property(requests, (request) => {
        const result = computeDeadline(request);
        expect(result.dueAt > request.receivedAt).toBe(true);
        expect(result.originalDueAt > request.receivedAt).toBe(true);
      }),
      RUNS,
    );
  });

  it('never puts the extension limit before the deadline in force or the first deadline', () => {
    fc.assert(
      fc.property(requests, (request) => {
        const { dueAt, originalDueAt, maxExtendedDueAt } = computeDeadline(request);
        if (maxExtendedDueAt === null) {
          expect(dueAt).toEqual(originalDueAt);
        } else {
          expect(maxExtendedDueAt >= dueAt).toBe(true);
          expect(maxExtendedDueAt >= originalDueAt).toBe(true);
        }
        expect(dueAt >= originalDueAt).toBe(true);
      }),
      RUNS,
    );
  });

  // Precisely: with N = floor(time covered by the pauses after receipt / 24 h), overlaps counted once,
  // the paused due date is never before the unpaused one; it is at most N days later, except that
  // in rolling jurisdictions each further day must be a non-working day the roll skipped; and it is
  // never more than N + 5 days later.
  it('moves the due date by at most the days paused (plus a roll past non-working days), never earlier', () => {
    fc.assert(
      fc.property(requests, (request) => {
        const unpaused = computeDeadline({ ...request, pauses: [] });
        const paused = computeDeadline(request);
        const rule = resolveRule(DEFAULT_RULES, request.jurisdiction, request.requestType);
        const zone = paused.timeZone;
        const maxDays = Math.floor(stoppedMs(request.pauses, request.receivedAt) / DAY_MS);

        expect(paused.dueAt >= unpaused.dueAt).toBe(true);
        expect(paused.pausedDays).toBeLessThanOrEqual(maxDays);
        if (!rule.pauses.awaiting_identity.allowed) {
          expect(paused.dueAt).toEqual(unpaused.dueAt);
          expect(paused.pausedDays).toBe(0);
        }
        const from = localDay(unpaused.dueAt, zone);
        const to = localDay(paused.dueAt, zone);
        const movedDays = Math.round(to.diff(from, 'days').days);
        expect(movedDays).toBeLessThanOrEqual(maxDays + LONGEST_ROLL_DAYS);
        if (movedDays > maxDays) {
          expect(rule.rollToWorkingDay).toBe(true);
          for (let day = from.plus({ days: maxDays }); day < to; day = day.plus({ days: 1 })) {
            expect(isWorkingDay(day, rule.holidayCountry), day.toISODate()!).toBe(false);
          }
        }
      }),
      RUNS,
    );
  });

  it('asks for acknowledgement after receipt and no later than the deadline', () => {
    fc.assert(
      fc.property(requests, (request) => {
        const { acknowledgeBy, dueAt, originalDueAt } = computeDeadline(request);
        if (acknowledgeBy === null) return;
        expect(acknowledgeBy > request.receivedAt).toBe(true);
        expect(acknowledgeBy <= originalDueAt).toBe(true);
        expect(acknowledgeBy <= dueAt).toBe(true);
      }),
      RUNS,
    );
  });

  it('ends every date at 23:59:59.999 local time in the jurisdiction zone', () => {
    fc.assert(
      fc.property(requests, (request) => {
        const result = computeDeadline(request);
        const dates = [result.dueAt, result.originalDueAt, result.maxExtendedDueAt, result.acknowledgeBy];
        for (const instant of dates.filter((date): date is Date => date !== null)) {
          expect(isEndOfLocalDay(instant, result.timeZone), instant.toISOString()).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('lands on a working day wherever the jurisdiction rolls', () => {
    const rolling = requests.filter(({ jurisdiction }) => DEFAULT_RULES[jurisdiction].rollToWorkingDay);
    fc.assert(
      fc.property(rolling, (request: ComputeDeadlineOptions) => {
        const result = computeDeadline(request);
        const { holidayCountry } = DEFAULT_RULES[request.jurisdiction];
        for (const instant of [result.dueAt, result.originalDueAt, result.maxExtendedDueAt]) {
          if (instant) expect(isWorkingDay(localDay(instant, result.timeZone), holidayCountry)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
