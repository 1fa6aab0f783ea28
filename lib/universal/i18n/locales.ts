/**
 * The languages the public portal and the requester's emails speak, in the switcher's order. A
 * language is its catalog, ./messages/<code>.json (its own name in `meta.languageName`), plus its
 * code here: nothing else names it (lib/i18n/catalogs.ts reads the catalog of every code here).
 *
 * fr-CA holds only what Quebec says differently (its law's terms, its usage): every other message
 * comes from fr. es-419 is the neutral Latin American Spanish US Spanish speakers read too.
 */
export const LOCALES = ['en', 'fr', 'fr-CA', 'es-419', 'pt-BR', 'de'] as const;

export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/**
 * The pseudo-locale (accented, 40 % longer) that shows untranslated text and layouts that break
 * with longer words: served on `?lang=en-XA`, never offered in the switcher nor stored on a request.
 */
export const PSEUDO_LOCALE = 'en-XA';
export type DisplayLocale = Locale | typeof PSEUDO_LOCALE;

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
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
