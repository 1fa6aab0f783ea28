// Dates as people read them: always in a named zone, since the same instant falls on different days
// in New York and London. Due dates are the end of a day in the rule's zone (computeDeadline).

const publicFormats = new Map<string, Intl.DateTimeFormat>();

/** A date as the requester reads it, in the given zone ("26 December 2026"). */
export function formatPublicDate(date: Date, timeZone: string, locale = 'en-GB'): string {
  const key = `${locale} ${timeZone}`;
  let format = publicFormats.get(key);
  if (!format) {
    // English keeps the day-month-year order the portal always used; other languages their own.
    const intlLocale = locale === 'en' || locale === 'en-XA' ? 'en-GB' : locale;
    format = new Intl.DateTimeFormat(intlLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone });
    publicFormats.set(key, format);
  }
  return format.format(date);
}

const publicTimes = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as the requester reads it, with its clock time and the zone named ("22 December 2026 at
 * 14:05, Los Angeles time"): for moments that are not the end of a day, such as a link running out.
 */
export function formatPublicDateTime(date: Date, timeZone: string): string {
  let format = publicTimes.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    publicTimes.set(timeZone, format);
  }
  const place = timeZone.includes('/') ? `${timeZone.split('/').at(-1)!.replaceAll('_', ' ')} time` : timeZone;
  return `${formatPublicDate(date, timeZone)} at ${format.format(date)}, ${place}`;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The year, month and day an instant falls on in `timeZone` (Intl, cached per zone: the queue asks per row). */
function dayParts(date: Date, timeZone: string): { year: number; month: number; day: number } {
  let format = dayFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    } catch {
      throw new Error(`Unknown time zone: ${timeZone}`);
    }
    dayFormats.set(timeZone, format);
  }
  const parts = { year: 0, month: 0, day: 0 };
  for (const part of format.formatToParts(date)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** The calendar day an instant falls on in `timeZone`, as "2026-11-27". */
export function dayIn(date: Date, timeZone: string): string {
  const { year, month, day } = dayParts(date, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Calendar days from today to the due day, both as the calendar reads in `timeZone`: 0 on the due
 * day, 1 the day before, -1 the day after. Counted in days, not hours, so that the answer does not
 * change with the hour it is asked at, nor on a day that daylight saving makes 23 or 25 hours long.
 */
export function calendarDaysUntil(dueAt: Date, now: Date, timeZone: string): number {
  const day = (date: Date) => {
    const { year, month, day: d } = dayParts(date, timeZone);
    return Date.UTC(year, month - 1, d);
  };
  return Math.round((day(dueAt) - day(now)) / 86_400_000);
}
