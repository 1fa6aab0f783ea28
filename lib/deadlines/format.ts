import { DateTime } from 'luxon';
import type { PublicHoliday } from './calendar';
import type { Period } from './schemas';

// Wording for the explanation staff read next to a deadline. Fixed locale so the text does not
// change with the server's ICU data or settings.

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

const UNIT_NAMES: Record<Period['unit'], [singular: string, plural: string]> = {
  months: ['calendar month', 'calendar months'],
  calendarDays: ['calendar day', 'calendar days'],
  businessDays: ['business day', 'business days'],
};

/** "one calendar month", "three calendar months", "45 calendar days", "10 business days". */
export function describePeriod({ amount, unit }: Period): string {
  // Words read better for the small month counts; day counts stay as the statute writes them.
  const count = unit === 'months' && amount < NUMBER_WORDS.length ? NUMBER_WORDS[amount] : String(amount);
  const [singular, plural] = UNIT_NAMES[unit];
  return `${count} ${amount === 1 ? singular : plural}`;
}

const english = (day: DateTime) => day.setLocale('en-US');

/** "Sat 31 Jan 2026" */
export const formatDay = (day: DateTime): string => english(day).toFormat('ccc d LLL yyyy');

/** "28 Feb 2026": where a period lands before any roll, as in the statute's own wording. */
export const formatDate = (day: DateTime): string => english(day).toFormat('d LLL yyyy');

/** "Thu 5 Feb 2026 10:00" in the DateTime's own zone. */
export const formatInstant = (instant: DateTime): string => english(instant).toFormat('ccc d LLL yyyy HH:mm');

/** "Feb" */
export const monthName = (day: DateTime): string => english(day).toFormat('LLL');

/** "Saturday" */
export const weekdayName = (day: DateTime): string => english(day).toFormat('cccc');

/** "Thanksgiving Day (Thu 26 Nov), Day after Thanksgiving Day (Fri 27 Nov)" */
export function listHolidays(holidays: readonly PublicHoliday[]): string {
  return holidays
    .map(({ date, name }) => `${name} (${english(DateTime.fromISO(date, { zone: 'utc' })).toFormat('ccc d LLL')})`)
    .join(', ');
}
