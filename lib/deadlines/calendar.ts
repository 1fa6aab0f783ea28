import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { LOCALES } from '../universal/i18n/locales';
import type { NamesValue } from '../universal/i18n/phrase';

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
  /** The name in each of the portal's languages date-holidays names it in ('Lendemain de Noël'), English else. */
  names: NamesValue;
}

const DAY_MS = 86_400_000;
const calendars = new Map<string, Holidays>();
const holidaysByYear = new Map<string, Map<string, string>>();

/** The languages (fr, es, pt, de) the requester may read a holiday's name in, beside English. */
const NAME_LANGUAGES = [...new Set(LOCALES.map((locale) => locale.split('-')[0]))].filter((l) => l !== 'en');

/**
 * A calendar naming its holidays in `language`. Where date-holidays has no name in that language it
 * would try the country's own languages before English (Dutch in Belgium, French in Quebec); asking
 * for English second makes the fallback the English calendar's own name. One instance per language:
 * `getHolidays(year, language)` adds the language to the instance's list for good.
 */
function calendarFor(holidayCountry: string, language = 'en'): Holidays {
  const key = `${holidayCountry}:${language}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = new Holidays(holidayCountry, { languages: language === 'en' ? ['en'] : [language, 'en'] });
    calendars.set(key, calendar);
  }
  return calendar;
}

// Built once per calendar, year and language: the deadline engine asks about the same days over and over.
function publicHolidaysOfYear(holidayCountry: string, year: number, language = 'en'): Map<string, string> {
  const key = `${holidayCountry}:${year}:${language}`;
  const cached = holidaysByYear.get(key);
  if (cached) return cached;
  const byDate = new Map<string, string>();
  for (const holiday of calendarFor(holidayCountry, language).getHolidays(year)) {
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

/** The public holiday on that local date, or null (its English name; `publicHolidayNames` for the others). */
export function publicHolidayName(day: DateTime, holidayCountry: string | null, language = 'en'): string | null {
  if (!holidayCountry) return null;
  const date = day.toISODate() as string;
  // A multi-day holiday starting in late December is listed under the previous year.
  return (
    publicHolidaysOfYear(holidayCountry, day.year, language).get(date) ??
    publicHolidaysOfYear(holidayCountry, day.year - 1, language).get(date) ??
    null
  );
}

/**
 * The public holiday on that local date in every language the portal speaks: English always, and
 * each other language only where date-holidays' name differs (the reader's language falls back to
 * English, lib/universal/i18n/phrase.ts). Only for days the steps name, never in the day-counting loops.
 */
export function publicHolidayNames(day: DateTime, holidayCountry: string | null): NamesValue | null {
  const en = publicHolidayName(day, holidayCountry);
  if (!en) return null;
  const names: NamesValue = { names: { en } };
  for (const language of NAME_LANGUAGES) {
    const name = publicHolidayName(day, holidayCountry, language);
    if (name && name !== en) names.names[language] = name;
  }
  return names;
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
    const names = publicHolidayNames(day, holidayCountry);
    if (names) found.push({ date: day.toISODate() as string, name: names.names.en, names });
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
