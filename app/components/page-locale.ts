import { headers } from 'next/headers';
import { translatorFor } from '@/lib/i18n/catalogs';
import type { LocaleSource } from '@/lib/i18n/negotiate-locale';
import { formatPublicDate } from '@/lib/deadlines/zoned-day';
import { DEFAULT_LOCALE, type DisplayLocale, intlLocaleOf, isDisplayLocale } from '@/lib/universal/i18n/locales';
import type { Translator } from '@/lib/universal/i18n/translator';

export type PageLocale = { locale: DisplayLocale; source: LocaleSource; path: string };

function fromHeaders(read: (name: string) => string | null): PageLocale {
  const locale = read('x-locale');
  const source = read('x-locale-source');
  return {
    locale: isDisplayLocale(locale) ? locale : DEFAULT_LOCALE,
    source: source === 'link' || source === 'cookie' ? source : 'browser',
    path: read('x-page-path') ?? '/',
  };
}

/** The language proxy.ts chose for this request (a route handler's view). */
export const pageLocaleOf = (request: Request): PageLocale => fromHeaders((name) => request.headers.get(name));

/** The same, in a server component or layout of the App Router. */
export async function currentPageLocale(): Promise<PageLocale> {
  const list = await headers();
  return fromHeaders((name) => list.get(name));
}

/**
 * A page about a request speaks the request's language, whatever the browser says, unless the
 * requester chose another with the switcher on this very page (`?lang=`).
 */
export function requestPageLocale(page: PageLocale, requestLocale: string | null | undefined): DisplayLocale {
  if (page.source === 'link' || !isDisplayLocale(requestLocale)) return page.locale;
  return requestLocale;
}

export const pageTranslator = (locale: DisplayLocale) => translatorFor(locale);

/** A date as the requester reads it, in the request's zone and the page's language ("26 décembre 2026"). */
export const publicDate = (t: Translator, date: Date | string, timeZone: string) =>
  formatPublicDate(new Date(date), timeZone, intlLocaleOf(t.locale));
