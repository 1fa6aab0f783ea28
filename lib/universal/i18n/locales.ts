/**
 * The languages the public portal and the requester's emails speak, each under its own name (the
 * language switcher shows them so). A language is a catalog in ./messages/ plus its line here and in
 * lib/i18n/catalogs.ts; the type checker refuses one without the other.
 *
 * fr-CA holds only what Quebec says differently (its law's terms, its usage): every other message
 * comes from fr. es-419 is the neutral Latin American Spanish US Spanish speakers read too.
 */
export const LOCALE_NAMES = {
  en: 'English',
  fr: 'Français',
  'fr-CA': 'Français (Canada)',
  'es-419': 'Español',
  'pt-BR': 'Português (Brasil)',
  de: 'Deutsch',
} as const;

export type Locale = keyof typeof LOCALE_NAMES;
export const LOCALES = Object.keys(LOCALE_NAMES) as [Locale, ...Locale[]];
export const DEFAULT_LOCALE: Locale = 'en';

/**
 * The pseudo-locale (accented, 40 % longer) that shows untranslated text and layouts that break
 * with longer words: served on `?lang=en-XA`, never offered in the switcher nor stored on a request.
 */
export const PSEUDO_LOCALE = 'en-XA';
export type DisplayLocale = Locale | typeof PSEUDO_LOCALE;

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && Object.hasOwn(LOCALE_NAMES, value);
export const isDisplayLocale = (value: unknown): value is DisplayLocale => value === PSEUDO_LOCALE || isLocale(value);

/** What a locale's catalog falls back to for a message it does not hold (a regional variant: its language). */
export function fallbackOf(locale: Locale): Locale | undefined {
  const language = locale.split('-')[0];
  if (language !== locale && isLocale(language)) return language;
  return locale === DEFAULT_LOCALE ? undefined : DEFAULT_LOCALE;
}

/** The locale whose data Intl formats dates and numbers with (the pseudo-locale formats as English). */
export const intlLocaleOf = (locale: DisplayLocale): string => (locale === PSEUDO_LOCALE ? 'en' : locale);

/** The request form's hidden field (and the JSON API's property) naming the language a request is filed in. */
export const LOCALE_FIELD = 'locale';
