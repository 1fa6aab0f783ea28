import { formatPublicDate } from '@/lib/deadlines/zoned-day';
import { messagesOf, translatorFor } from '@/lib/i18n/catalogs';
import { DEFAULT_LOCALE, type DisplayLocale, intlLocaleOf } from '@/lib/universal/i18n/locales';
import { createTranslator, type Messages } from '@/lib/universal/i18n/translator';

/**
 * What every requester's template is given besides its props: the language to write in (the
 * request's, lib/email/enqueue-email.ts), absent (a preview) English; and the words admins edited
 * for this template in that language (lib/templates/), checked before they were saved.
 */
export type EmailLocaleProps = { locale?: DisplayLocale; edited?: Messages };

/**
 * The catalog's translator, or one whose edited messages replace the catalog's. Edited messages are
 * ICU text like the catalog's: React escapes what they produce, so they can never add markup.
 */
export function emailTranslator(locale: DisplayLocale | undefined, edited?: Messages) {
  const language = locale ?? DEFAULT_LOCALE;
  if (!edited || Object.keys(edited).length === 0) return translatorFor(language);
  return createTranslator(language, { ...messagesOf(language), ...edited });
}

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
