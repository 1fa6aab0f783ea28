import { translatorFor } from '@/lib/i18n/catalogs';
import { formatPublicDate } from '@/lib/deadlines/zoned-day';
import { DEFAULT_LOCALE, type DisplayLocale, intlLocaleOf } from '@/lib/universal/i18n/locales';

/**
 * What every requester's template is given besides its props: the language to write in (the
 * request's, lib/email/enqueue-email.ts). Absent (a preview), English.
 */
export type EmailLocaleProps = { locale?: DisplayLocale };

export const emailTranslator = (locale: DisplayLocale | undefined) => translatorFor(locale ?? DEFAULT_LOCALE);

/** A day as the reader writes dates, in the request's zone ("26 décembre 2026"). */
export const emailDate = (locale: DisplayLocale | undefined, date: Date, timeZone: string) =>
  formatPublicDate(date, timeZone, intlLocaleOf(locale ?? DEFAULT_LOCALE));

/** An instant's clock time in the request's zone, and the zone's place ("19:30", "Los Angeles"). */
export function emailTime(locale: DisplayLocale | undefined, date: Date, timeZone: string) {
  const time = new Intl.DateTimeFormat(
    intlLocaleOf(locale ?? DEFAULT_LOCALE) === 'en' ? 'en-GB' : intlLocaleOf(locale ?? DEFAULT_LOCALE),
    {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    },
  ).format(date);
  const place = timeZone.includes('/') ? timeZone.split('/').at(-1)!.replaceAll('_', ' ') : timeZone;
  return { date: emailDate(locale, date, timeZone), time, place };
}
