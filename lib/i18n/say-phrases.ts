import type { DisplayLocale } from '@/lib/universal/i18n/locales';
import { type Phrase, say } from '@/lib/universal/i18n/phrase';
import { translatorFor } from './catalogs';

const language = (locale: string) => locale.split('-')[0];

/**
 * Phrases in the reader's language, each with the language it is written in: a phrase bound to a
 * language (Quebec's notices in French) keeps it, and the same phrase again in the reader's language
 * follows it unless the reader reads that language already.
 */
export function sayEach(locale: DisplayLocale, phrases: readonly Phrase[]): { lang: DisplayLocale; text: string }[] {
  const out: { lang: DisplayLocale; text: string; key: string }[] = [];
  for (const p of phrases) {
    const lang = p.lang ?? locale;
    const previous = out.at(-1);
    if (previous && previous.key === p.key && language(previous.lang) === language(lang)) continue;
    out.push({ lang, text: say(translatorFor(lang), p), key: p.key });
  }
  return out.map(({ lang, text }) => ({ lang, text }));
}

/** One phrase in the reader's language. */
export const sayIn = (locale: DisplayLocale, p: Phrase) => say(translatorFor(locale), p);
