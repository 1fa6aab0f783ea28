/**
 * A sentence as data: its catalog key and its values, put into words by the layer that knows the
 * reader's language (an email template, a page). The rules (notices, deadlines, redactions) produce
 * phrases, never English text, so the same decision reads in every language. A value may itself be
 * a phrase (an authority's name, a period), a day or an instant to be dated in the reader's language,
 * a list joined by the language's own conjunction, or a name that has its own form in some languages.
 */
import type { Locale } from './locales';
import type { MessageKey, MessageValue, Translator } from './translator';

export type Phrase = {
  key: MessageKey;
  values?: Record<string, PhraseValue>;
  /** Written in this language whatever the reader's (Quebec's notices in French, CQLR c. C-11 s.55). */
  lang?: Locale;
};

/** A calendar day (YYYY-MM-DD) as the reader writes it; `weekday` adds the day's name. */
export type DayValue = { day: string; style?: 'date' | 'weekday' | 'dayMonth' | 'weekdayName' | 'monthName' };
/** An instant, dated (and timed) in `timeZone`. */
export type InstantValue = { instant: string; timeZone: string; time?: boolean };
export type ListValue = { list: PhraseValue[]; type?: 'conjunction' | 'unit' };
/**
 * A proper name that has its own form in some languages (a public holiday: 'Noël', 'Weihnachten'),
 * by language (`fr`) or locale (`pt-BR`); the reader's locale, then its language, then English.
 */
export type NamesValue = { names: { en: string } & Record<string, string> };

export type PhraseValue = string | number | Phrase | DayValue | InstantValue | ListValue | NamesValue;

export const phrase = (key: MessageKey, values?: Record<string, PhraseValue>): Phrase =>
  values ? { key, values } : { key };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The locale Intl formats with; English keeps the day-month-year order the portal always used. */
const intlOf = (locale: string) => (locale === 'en' || locale === 'en-XA' ? 'en-GB' : locale);

const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlOf(locale), options);
    formats.set(key, format);
  }
  return format;
}

const DAY_STYLES: Record<NonNullable<DayValue['style']>, Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  weekday: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  dayMonth: { weekday: 'short', day: 'numeric', month: 'short' },
  weekdayName: { weekday: 'long' },
  monthName: { month: 'long' },
};

function formatValue(t: Translator, value: PhraseValue): MessageValue {
  if (typeof value === 'string' || typeof value === 'number') return value;
  const locale = t.locale === 'en-XA' ? 'en' : t.locale;
  if ('key' in value) return say(t, value);
  if ('names' in value) return value.names[locale] ?? value.names[locale.split('-')[0]] ?? value.names.en;
  if ('day' in value)
    return dateFormat(locale, { ...DAY_STYLES[value.style ?? 'date'], timeZone: 'UTC' }).format(
      new Date(`${value.day}T12:00:00Z`),
    );
  if ('instant' in value) {
    const date = new Date(value.instant);
    const options: Intl.DateTimeFormatOptions = value.time
      ? { ...DAY_STYLES.date, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
      : DAY_STYLES.date;
    return dateFormat(locale, { ...options, timeZone: value.timeZone }).format(date);
  }
  const words = value.list.map((v) => String(formatValue(t, v)));
  return new Intl.ListFormat(intlOf(locale), { type: value.type ?? 'conjunction', style: 'long' }).format(words);
}

/** The phrase in the translator's language (its own `lang` is for the caller to honour, see sayEach). */
export function say(t: Translator, p: Phrase): string {
  if (!p.values) return t(p.key);
  return t(p.key, Object.fromEntries(Object.entries(p.values).map(([name, v]) => [name, formatValue(t, v)])));
}

export function isPhrase(value: unknown): value is Phrase {
  return isObject(value) && typeof value.key === 'string';
}
