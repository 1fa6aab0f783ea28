/**
 * Every catalog, for the server (pages and emails). A new language: its file in
 * lib/universal/i18n/messages/, its import and entry here, its name in lib/universal/i18n/locales.ts.
 */
import de from '@/lib/universal/i18n/messages/de.json';
import en from '@/lib/universal/i18n/messages/en.json';
import es419 from '@/lib/universal/i18n/messages/es-419.json';
import fr from '@/lib/universal/i18n/messages/fr.json';
import frCA from '@/lib/universal/i18n/messages/fr-CA.json';
import ptBR from '@/lib/universal/i18n/messages/pt-BR.json';
import { type DisplayLocale, fallbackOf, type Locale, PSEUDO_LOCALE } from '@/lib/universal/i18n/locales';
import { createTranslator, type Messages, type Translator } from '@/lib/universal/i18n/translator';
import { pseudoMessage } from './pseudo-locale';

/** Each catalog as written (fr-CA: only what differs from fr). */
export const CATALOGS: Record<Locale, Messages> = {
  en,
  fr,
  'fr-CA': frCA,
  'es-419': es419,
  'pt-BR': ptBR,
  de,
};

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
