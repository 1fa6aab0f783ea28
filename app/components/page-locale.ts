import { headers } from 'next/headers';
import { translatorFor } from '@/lib/i18n/catalogs';
import type { LocaleSource } from '@/lib/i18n/negotiate-locale';
import { DEFAULT_LOCALE, type DisplayLocale, isDisplayLocale } from '@/lib/universal/i18n/locales';

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
