/**
 * `t(key, values)`: one message of a catalog, formatted as ICU MessageFormat (plurals, selects,
 * numbers) by FormatJS's intl-messageformat, the same code on the server and in the form's island.
 * The island is given only its locale's messages (the ones it shows), never a whole catalog.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { createElement, Fragment, type ReactNode } from 'react';
import type en from './messages/en.json';
import { type DisplayLocale, intlLocaleOf } from './locales';

/** Every message's key, from the English catalog: the other catalogs are checked against it. */
export type MessageKey = keyof typeof en;
export type Messages = Partial<Record<MessageKey, string>>;
export type MessageValue = string | number | Date;
/** Rich messages wrap parts in tags (`<link>our policy</link>`), each rendered by a function. */
export type RichValue = MessageValue | ((chunks: ReactNode[]) => ReactNode);

export type Translator = {
  (key: MessageKey, values?: Record<string, MessageValue>): string;
  /** A message with tags, as React nodes. */
  rich: (key: MessageKey, values: Record<string, RichValue>) => ReactNode;
  /** Whether the catalog holds the key (messages that come from the server may be keys or text). */
  has: (key: string) => key is MessageKey;
  locale: DisplayLocale;
};

export function createTranslator(locale: DisplayLocale, messages: Messages): Translator {
  const compiled = new Map<MessageKey, IntlMessageFormat>();
  const formatOf = (key: MessageKey) => {
    let format = compiled.get(key);
    if (!format) {
      const message = messages[key];
      // A catalog test proves every key is in every catalog; a missing one shows as its key, never as a crash.
      format = new IntlMessageFormat(message ?? key, intlLocaleOf(locale));
      compiled.set(key, format);
    }
    return format;
  };
  const t = ((key, values) => String(formatOf(key).format(values))) as Translator;
  t.rich = (key, values) => {
    const parts = formatOf(key).format<ReactNode>(values);
    return Array.isArray(parts) ? createElement(Fragment, null, ...parts) : parts;
  };
  t.has = (key: string): key is MessageKey => Object.hasOwn(messages, key);
  t.locale = locale;
  return t;
}

/** The messages of a catalog whose key starts with one of the prefixes: what an island is sent. */
export function pickMessages(messages: Messages, prefixes: readonly string[]): Messages {
  return Object.fromEntries(
    Object.entries(messages).filter(([key]) => prefixes.some((prefix) => key.startsWith(prefix))),
  ) as Messages;
}
