import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  isKnownHolidayCalendar,
  isWorkingDay,
  nextWorkingDay,
  publicHolidayName,
  publicHolidayNames,
  publicHolidaysBetween,
} from './calendar';

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('isWorkingDay', () => {
  it('treats weekends as non-working everywhere, and only weekends without a calendar', () => {
    expect(isWorkingDay(day('2026-01-31'), null)).toBe(false); // Saturday
    expect(isWorkingDay(day('2026-02-01'), null)).toBe(false); // Sunday
    expect(isWorkingDay(day('2026-12-25'), null)).toBe(true); // Christmas, but no calendar
  });

  it('knows English bank holidays, including substitute days', () => {
    expect(publicHolidayName(day('2026-04-06'), 'GB-ENG')).toBe('Easter Monday');
    expect(isWorkingDay(day('2026-04-06'), 'GB-ENG')).toBe(false);
    expect(publicHolidayName(day('2026-12-28'), 'GB-ENG')).toBe('Boxing Day (substitute day)');
    expect(isWorkingDay(day('2026-12-29'), 'GB-ENG')).toBe(true);
  });

  it('counts only public holidays, not observances or optional days', () => {
    expect(isWorkingDay(day('2026-12-24'), 'US-CA')).toBe(true); // Christmas Eve is 'optional'
    expect(isWorkingDay(day('2026-11-26'), 'US-CA')).toBe(false); // Thanksgiving
    expect(isWorkingDay(day('2026-11-27'), 'US-CA')).toBe(false); // California state holiday
  });

  it('reads the calendar date of a zoned DateTime, not its UTC date', () => {
    // 23:30 BST on Sunday 5 Apr is 22:30 UTC; an hour later London is on Easter Monday.
    const lateSunday = DateTime.fromISO('2026-04-05T23:30', { zone: 'Europe/London' });
    expect(publicHolidayName(lateSunday, 'GB-ENG')).toBeNull();
    expect(publicHolidayName(lateSunday.plus({ hours: 1 }), 'GB-ENG')).toBe('Easter Monday');
  });
});

describe('nextWorkingDay', () => {
  it('returns the day itself when it is a working day', () => {
    expect(nextWorkingDay(day('2026-03-02'), 'GB-ENG').toISODate()).toBe('2026-03-02');
  });

  it('skips a weekend followed by a substitute bank holiday', () => {
    expect(nextWorkingDay(day('2026-12-26'), 'GB-ENG').toISODate()).toBe('2026-12-29');
  });
});

describe('addBusinessDays', () => {
  it('counts from the day after: received on a Saturday, one business day is the Monday', () => {
    expect(addBusinessDays(day('2026-01-31'), 1, null).toISODate()).toBe('2026-02-02');
  });

  it('returns the same day for zero', () => {
    expect(addBusinessDays(day('2026-01-31'), 0, null).toISODate()).toBe('2026-01-31');
  });

  it('skips Thanksgiving and the day after in California', () => {
    expect(addBusinessDays(day('2026-11-23'), 10, 'US-CA').toISODate()).toBe('2026-12-09');
    expect(addBusinessDays(day('2026-11-23'), 10, null).toISODate()).toBe('2026-12-07');
  });

  it('rejects negative or fractional counts', () => {
    expect(() => addBusinessDays(day('2026-01-01'), -1, null)).toThrow(RangeError);
    expect(() => addBusinessDays(day('2026-01-01'), 1.5, null)).toThrow(RangeError);
  });
});

describe('publicHolidaysBetween', () => {
  it('lists holidays in date order, both ends included', () => {
    expect(publicHolidaysBetween(day('2026-12-25'), day('2026-12-28'), 'GB-ENG')).toEqual([
      {
        date: '2026-12-25',
        name: 'Christmas Day',
        names: { names: { en: 'Christmas Day', fr: 'Noël', es: 'Navidad', pt: 'Natal', de: 'Weihnachten' } },
      },
      {
        date: '2026-12-26',
        name: 'Boxing Day',
        names: { names: { en: 'Boxing Day', fr: 'Lendemain de Noël', es: 'San Esteban', de: '2. Weihnachtstag' } },
      },
      {
        date: '2026-12-28',
        name: 'Boxing Day (substitute day)',
        names: {
          names: {
            en: 'Boxing Day (substitute day)',
            fr: 'Lendemain de Noël (jour substitut)',
            es: 'San Esteban (día sustituto)',
            de: '2. Weihnachtstag (Ersatztag)',
          },
        },
      },
    ]);
  });

  it('names a holiday in each language date-holidays has, falling back to English, never to the country’s', () => {
    // Belgium's calendar speaks Dutch, French and German first: a language without the name gets English.
    expect(publicHolidayNames(day('2026-04-06'), 'BE')).toEqual({
      names: { en: 'Easter Monday', fr: 'Lundi de Pâques', es: 'Lunes de Pascua', de: 'Ostermontag' },
    });
    // Quebec's calendar speaks French first: Spanish, Portuguese and German readers get the English name.
    expect(publicHolidayNames(day('2026-06-24'), 'CA-QC')).toEqual({
      names: { en: 'National Holiday', fr: 'Fête nationale du Québec' },
    });
    expect(publicHolidayNames(day('2026-06-23'), 'CA-QC')).toBeNull();
    // Asking in other languages leaves the English names the day-counting reads unchanged.
    expect(publicHolidayName(day('2026-06-24'), 'CA-QC')).toBe('National Holiday');
  });
});

describe('isKnownHolidayCalendar', () => {
  it.each(['BE', 'GB-ENG', 'US-CA', 'US', 'CA-ON', 'BR'])('accepts %s', (code) => {
    expect(isKnownHolidayCalendar(code)).toBe(true);
  });

  it.each(['XX', 'GB-XYZ', '', 'US-CA-LA-X'])('rejects %j', (code) => {
    expect(isKnownHolidayCalendar(code)).toBe(false);
  });
});
