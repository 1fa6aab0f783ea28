import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

/**
 * Working-day arithmetic on local calendar dates. Every helper reads only the calendar date of the
 * DateTime it is given (in that DateTime's zone), so callers may pass zoned or UTC-midnight values.
 * A holiday calendar is a date-holidays code ('GB-ENG', 'US-CA', 'BE'); null means weekends only.
 */

export interface PublicHoliday {
  /** ISO calendar date, e.g. '2026-12-28'. */
  date: string;
  /** English name where date-holidays has one, e.g. 'Boxing Day (substitute day)'. */
  name: string;
}

const DAY_MS = 86_400_000;
const calendars = new Map<string, Holidays>();
const holidaysByYear = new Map<string, Map<string, string>>();

function calendarFor(holidayCountry: string): Holidays {
  let calendar = calendars.get(holidayCountry);
  if (!calendar) {
    calendar = new Holidays(holidayCountry, { languages: ['en'] });
    calendars.set(holidayCountry, calendar);
  }
  return calendar;
}

// Built once per calendar and year: the deadline engine asks about the same days over and over.
function publicHolidaysOfYear(holidayCountry: string, year: number): Map<string, string> {
  const key = `${holidayCountry}:${year}`;
  const cached = holidaysByYear.get(key);
  if (cached) return cached;
  const byDate = new Map<string, string>();
  for (const holiday of calendarFor(holidayCountry).getHolidays(year)) {
    // Only days off by law count; 'bank', 'optional' and 'observance' days are working days.
    if (holiday.type !== 'public') continue;
    // `date` is the local calendar date in the holiday's own zone; a few holidays last several days.
    const first = DateTime.fromISO(holiday.date.slice(0, 10), { zone: 'utc' });
    const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
    for (let offset = 0; offset < length; offset++) {
      const date = first.plus({ days: offset }).toISODate() as string;
      const existing = byDate.get(date);
      byDate.set(date, existing ? `${existing} / ${holiday.name}` : holiday.name);
    }
  }
  holidaysByYear.set(key, byDate);
  return byDate;
}

/** The public holiday on that local date, or null. */
export function publicHolidayName(day: DateTime, holidayCountry: string | null): string | null {
  if (!holidayCountry) return null;
  const date = day.toISODate() as string;
  // A multi-day holiday starting in late December is listed under the previous year.
  return (
    publicHolidaysOfYear(holidayCountry, day.year).get(date) ??
    publicHolidaysOfYear(holidayCountry, day.year - 1).get(date) ??
    null
  );
}

export function isWeekend(day: DateTime): boolean {
  return day.weekday >= 6;
}

/** Monday to Friday and not a public holiday of the given calendar. */
export function isWorkingDay(day: DateTime, holidayCountry: string | null): boolean {
  return !isWeekend(day) && publicHolidayName(day, holidayCountry) === null;
}

/** The day itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(day: DateTime, holidayCountry: string | null): DateTime {
  let candidate = day;
  while (!isWorkingDay(candidate, holidayCountry)) candidate = candidate.plus({ days: 1 });
  return candidate;
}

/**
 * The `count`th working day after `day` (the day itself is day zero, working or not):
 * received on a Saturday, one business day is the Monday.
 */
export function addBusinessDays(day: DateTime, count: number, holidayCountry: string | null): DateTime {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`business days must be a whole number >= 0, got ${count}`);
  let current = day;
  for (let counted = 0; counted < count; ) {
    current = current.plus({ days: 1 });
    if (isWorkingDay(current, holidayCountry)) counted++;
  }
  return current;
}

/** Public holidays from `from` to `to`, both included, in date order. */
export function publicHolidaysBetween(from: DateTime, to: DateTime, holidayCountry: string | null): PublicHoliday[] {
  const found: PublicHoliday[] = [];
  if (!holidayCountry) return found;
  for (let day = from; day.toISODate()! <= to.toISODate()!; day = day.plus({ days: 1 })) {
    const name = publicHolidayName(day, holidayCountry);
    if (name) found.push({ date: day.toISODate() as string, name });
  }
  return found;
}

/** True for codes date-holidays knows: 'BE', 'US-CA', 'GB-ENG', 'CA-ON' (country[-state[-region]]). */
export function isKnownHolidayCalendar(code: string): boolean {
  const [country, state, region, ...rest] = code.split('-');
  if (rest.length > 0 || !country) return false;
  const directory = new Holidays();
  if (!(country in (directory.getCountries() ?? {}))) return false;
  if (state === undefined) return true;
  if (!(state in (directory.getStates(country) ?? {}))) return false;
  return region === undefined || region in (directory.getRegions(country, state) ?? {});
}
