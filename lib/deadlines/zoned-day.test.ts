import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendarDaysUntil, dayIn, formatPublicDate, formatPublicDateTime } from './zoned-day';

const NEW_YORK = 'America/New_York';
const LONDON = 'Europe/London';

/** A local wall-clock time in a zone, as an instant. */
const at = (local: string, zone: string) => DateTime.fromISO(local, { zone }).toJSDate();
/** A due date as computeDeadline writes it: the end of that day in the rule's zone. */
const endOf = (day: string, zone: string) => DateTime.fromISO(day, { zone }).endOf('day').toJSDate();

describe('formatPublicDateTime', () => {
  it('reads the day and the clock in the given zone, and names the place', () => {
    const instant = new Date('2026-12-23T03:30:00Z');
    expect(formatPublicDateTime(instant, 'America/Los_Angeles')).toBe('22 December 2026 at 19:30, Los Angeles time');
    expect(formatPublicDateTime(instant, LONDON)).toBe('23 December 2026 at 03:30, London time');
    expect(formatPublicDateTime(instant, 'UTC')).toBe('23 December 2026 at 03:30, UTC');
  });
});

describe('formatPublicDate', () => {
  it('reads the day in the given zone, not in UTC', () => {
    const due = endOf('2026-11-27', NEW_YORK); // 28 Nov 04:59 UTC
    expect(formatPublicDate(due, NEW_YORK)).toBe('27 November 2026');
    expect(formatPublicDate(due, 'UTC')).toBe('28 November 2026');
  });

  it('on 31 December and 29 February', () => {
    expect(formatPublicDate(at('2026-12-31T23:30', NEW_YORK), NEW_YORK)).toBe('31 December 2026');
    expect(formatPublicDate(at('2026-12-31T23:30', NEW_YORK), LONDON)).toBe('1 January 2027');
    expect(formatPublicDate(at('2028-02-29T00:30', LONDON), LONDON)).toBe('29 February 2028');
  });

  it('needs a zone: a call without one does not compile', () => {
    const withoutZone = () =>
      // @ts-expect-error the zone is required, so that no date silently falls back to UTC
      formatPublicDate(new Date());
    expect(typeof withoutZone).toBe('function');
  });
});

describe('calendarDaysUntil counts days on the zone calendar, whatever the hour', () => {
  it('a request due on 27 November is 5 days overdue all of 2 December, at 00:30 and at 23:30', () => {
    const due = endOf('2026-11-27', NEW_YORK);
    expect(calendarDaysUntil(due, at('2026-12-02T00:30', NEW_YORK), NEW_YORK)).toBe(-5);
    expect(calendarDaysUntil(due, at('2026-12-02T23:30', NEW_YORK), NEW_YORK)).toBe(-5);
  });

  it('is 0 on the due day itself, from its first to its last minute', () => {
    const due = endOf('2026-12-02', LONDON);
    expect(calendarDaysUntil(due, at('2026-12-02T00:30', LONDON), LONDON)).toBe(0);
    expect(calendarDaysUntil(due, at('2026-12-02T23:30', LONDON), LONDON)).toBe(0);
    expect(calendarDaysUntil(due, at('2026-12-01T23:30', LONDON), LONDON)).toBe(1);
    expect(calendarDaysUntil(due, at('2026-12-03T00:30', LONDON), LONDON)).toBe(-1);
  });

  it('across the spring change in New York (14 March 2027, a 23-hour day)', () => {
    const due = endOf('2027-03-16', NEW_YORK);
    expect(calendarDaysUntil(due, at('2027-03-13T23:30', NEW_YORK), NEW_YORK)).toBe(3);
    expect(calendarDaysUntil(due, at('2027-03-14T00:30', NEW_YORK), NEW_YORK)).toBe(2);
    expect(calendarDaysUntil(due, at('2027-03-14T23:30', NEW_YORK), NEW_YORK)).toBe(2);
    expect(calendarDaysUntil(endOf('2027-03-14', NEW_YORK), at('2027-03-14T03:30', NEW_YORK), NEW_YORK)).toBe(0);
  });

  it('across the autumn change in London (25 October 2026, a 25-hour day)', () => {
    const due = endOf('2026-10-25', LONDON);
    expect(calendarDaysUntil(due, at('2026-10-24T23:30', LONDON), LONDON)).toBe(1);
    expect(calendarDaysUntil(due, at('2026-10-25T00:30', LONDON), LONDON)).toBe(0);
    expect(calendarDaysUntil(due, at('2026-10-25T23:30', LONDON), LONDON)).toBe(0);
    expect(calendarDaysUntil(due, at('2026-10-26T00:30', LONDON), LONDON)).toBe(-1);
  });

  it('over 31 December and 29 February', () => {
    expect(calendarDaysUntil(endOf('2027-01-01', NEW_YORK), at('2026-12-31T23:30', NEW_YORK), NEW_YORK)).toBe(1);
    // 31 December 23:30 UTC is still the afternoon of the 31st in New York.
    expect(calendarDaysUntil(endOf('2027-01-01', NEW_YORK), new Date('2026-12-31T23:30:00Z'), NEW_YORK)).toBe(1);
    expect(calendarDaysUntil(endOf('2028-03-01', LONDON), at('2028-02-28T23:30', LONDON), LONDON)).toBe(2);
    expect(calendarDaysUntil(endOf('2028-02-29', LONDON), at('2028-03-01T00:30', LONDON), LONDON)).toBe(-1);
  });
});

describe('dayIn', () => {
  it('is the calendar day of the zone', () => {
    expect(dayIn(new Date('2026-12-31T23:30:00Z'), NEW_YORK)).toBe('2026-12-31');
    expect(dayIn(new Date('2026-12-31T23:30:00Z'), 'Europe/Berlin')).toBe('2027-01-01');
  });

  it('refuses a zone that does not exist', () => {
    expect(() => dayIn(new Date(), 'Mars/Olympus_Mons')).toThrow(/Unknown time zone/);
  });
});
