import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { fallbackOf, LOCALES, PSEUDO_LOCALE } from '@/lib/universal/i18n/locales';
import { CATALOGS, messagesOf } from './catalogs';

/** The names a message needs from its caller: arguments (`{reference}`, plurals, selects) and tags (`<link>`). */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date)
        names.add(`{${element.value}}`);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        names.add(`{${element.value}}`);
        for (const option of Object.values(element.options)) visit(option.value);
      }
      if (element.type === TYPE.tag) {
        names.add(`<${element.value}>`);
        visit(element.children);
      }
    }
  };
  visit(parse(message));
  return [...names].sort();
}

/** A message's own text, without its placeholders, plural keywords and tag names. */
function literals(message: string): string {
  const out: string[] = [];
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal) out.push(element.value);
      if (element.type === TYPE.plural || element.type === TYPE.select)
        for (const option of Object.values(element.options)) visit(option.value);
      if (element.type === TYPE.tag) visit(element.children);
    }
  };
  visit(parse(message));
  return out.join(' ');
}

const english = CATALOGS.en;
const keys = Object.keys(english) as (keyof typeof english)[];
/** A regional variant (fr-CA) holds only what differs from its language's catalog. */
const isVariant = (locale: (typeof LOCALES)[number]) => fallbackOf(locale) !== 'en' && locale !== 'en';

describe('the catalogs', () => {
  it('every English message parses as ICU MessageFormat', () => {
    for (const key of keys) expect(() => parse(english[key]!), key).not.toThrow();
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    const catalog = CATALOGS[locale];
    describe(locale, () => {
      if (!isVariant(locale))
        it('has every message the English catalog has', () => {
          expect(keys.filter((key) => !catalog[key])).toEqual([]);
        });
      it('has no message the English catalog lacks', () => {
        expect(Object.keys(catalog).filter((key) => !Object.hasOwn(english, key))).toEqual([]);
      });
      it('parses as ICU, with the same placeholders and tags as English', () => {
        for (const [key, message] of Object.entries(catalog)) {
          expect(() => parse(message), `${locale} ${key}`).not.toThrow();
          expect(placeholders(message), `${locale} ${key}`).toEqual(
            placeholders(english[key as keyof typeof english]!),
          );
        }
      });
      it('is complete once its fallbacks are added', () => {
        const resolved = messagesOf(locale);
        expect(keys.filter((key) => !resolved[key])).toEqual([]);
      });
    });
  }

  it('the pseudo-locale keeps every placeholder and changes every word', () => {
    const pseudo = messagesOf(PSEUDO_LOCALE);
    for (const key of keys) {
      expect(placeholders(pseudo[key]!), key).toEqual(placeholders(english[key]!));
      // No run of three plain ASCII letters survives in its text (placeholders and tags keep their names).
      expect(literals(pseudo[key]!), key).not.toMatch(/[A-Za-z]{3}/);
    }
  });

  it('fails on a message whose placeholder differs (the check itself)', () => {
    expect(placeholders('Votre demande {ref}')).not.toEqual(placeholders('Your request {reference}'));
    expect(() => parse('An {unclosed')).toThrow();
  });
});
