/**
 * Every catalog, for the server (pages and emails): the file lib/universal/i18n/messages/<code>.json
 * of each code in LOCALES, read once at start. A language is its file and its code there, nothing
 * more; lib/i18n/catalogs.test.ts proves each file is whole (every key, ICU, the same placeholders).
 * English is imported (the type of every key, `MessageKey`, comes from it); the others are read, so
 * no import line names them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import en from '@/lib/universal/i18n/messages/en.json';
import { type DisplayLocale, fallbackOf, LOCALES, type Locale, PSEUDO_LOCALE } from '@/lib/universal/i18n/locales';
import { createTranslator, type Messages, type Translator } from '@/lib/universal/i18n/translator';
import { pseudoMessage } from './pseudo-locale';

/** Where the catalogs are: the app runs from the project's folder (npm start, the worker, the tests). */
export const MESSAGES_DIR = path.join(process.cwd(), 'lib/universal/i18n/messages');

/** One catalog as written (a regional variant: only what differs from its language's). */
export function readCatalog(code: string, dir = MESSAGES_DIR): Messages {
  const file = path.join(dir, `${code}.json`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${code} is in LOCALES but has no catalog: create ${file}.`);
  }
  return JSON.parse(text) as Messages;
}

/** Each catalog as written (fr-CA: only what differs from fr). */
export const CATALOGS = Object.fromEntries(
  LOCALES.map((locale) => [locale, locale === 'en' ? en : readCatalog(locale)]),
) as Record<Locale, Messages>;

/** A language by its own name ("Deutsch"), from its catalog: the switcher and staff show it so. */
export const languageName = (locale: Locale): string => messagesOf(locale)['meta.languageName'] ?? locale;

const resolved = new Map<DisplayLocale, Messages>();

/** A locale's full set of messages: its catalog over its fallbacks' (fr-CA over fr over en). */
export function messagesOf(locale: DisplayLocale): Messages {
  let messages = resolved.get(locale);
  if (messages) return messages;
  if (locale === PSEUDO_LOCALE) {
    messages = Object.fromEntries(Object.entries(en).map(([key, message]) => [key, pseudoMessage(message)]));
  } else {
    const chain: Locale[] = [];
    for (let l: Locale | undefined = locale; l; l = fallbackOf(l)) chain.unshift(l);
    messages = Object.assign({}, ...chain.map((l) => CATALOGS[l])) as Messages;
  }
  resolved.set(locale, messages);
  return messages;
}

const translators = new Map<DisplayLocale, Translator>();

/** The translator of a locale, built once (its compiled messages are kept). */
export function translatorFor(locale: DisplayLocale): Translator {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator(locale, messagesOf(locale));
    translators.set(locale, t);
  }
  return t;
}
