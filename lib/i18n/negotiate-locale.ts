import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';
import {
  DEFAULT_LOCALE,
  isDisplayLocale,
  type DisplayLocale,
  LOCALES,
  type Locale,
} from '@/lib/universal/i18n/locales';

const isWellFormed = (tag: string) => {
  try {
    return tag !== '*' && Intl.getCanonicalLocales(tag).length > 0;
  } catch {
    return false;
  }
};

/**
 * The portal's language for an `Accept-Language` header: negotiator reads the header (q-values,
 * order), and FormatJS's matcher picks the closest language we have by CLDR's language distances
 * (es-MX and es-US find es-419, pt finds pt-BR, fr-CA finds fr-CA and fr-BE finds fr), English when
 * none is close.
 */
export function negotiateLocale(acceptLanguage: string | null): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const requested = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).languages().filter(isWellFormed);
  if (!requested.length) return DEFAULT_LOCALE;
  try {
    return match(requested, LOCALES, DEFAULT_LOCALE, { algorithm: 'best fit' }) as Locale;
  } catch {
    // A tag Intl cannot canonicalise: the header is ignored rather than the page refused.
    return DEFAULT_LOCALE;
  }
}

/** Where the page's language came from: a `?lang=` link (the switcher), its cookie, or the browser. */
export type LocaleSource = 'link' | 'cookie' | 'browser';

export const LOCALE_COOKIE = 'lang';
export const LOCALE_PARAM = 'lang';

/**
 * The language of a public page: the one chosen on the switcher (the link's `?lang=`, then the
 * cookie that remembers it), else the browser's. proxy.ts decides it once per request.
 */
export function chooseLocale({
  param,
  cookie,
  acceptLanguage,
}: {
  param: string | null;
  cookie: string | undefined;
  acceptLanguage: string | null;
}): { locale: DisplayLocale; source: LocaleSource } {
  if (isDisplayLocale(param)) return { locale: param, source: 'link' };
  if (isDisplayLocale(cookie)) return { locale: cookie, source: 'cookie' };
  return { locale: negotiateLocale(acceptLanguage), source: 'browser' };
}
