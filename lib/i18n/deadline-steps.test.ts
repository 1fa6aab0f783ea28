/**
 * The deadline's steps as the requester reads them (lib/deadlines/steps.ts), in every language, over
 * every jurisdiction and the paths the engine explains (verification after receipt, pauses of either
 * reason, one begun too late, the extension taken, a month with no such day, weekends and holidays):
 * every step is worded from the catalog with its dates in the reader's language, and no English is
 * left but the names the steps carry as they are (time zones, states, and the holidays date-holidays
 * has no name for in the reader's language).
 */
import { describe, expect, it } from 'vitest';
import { type ComputeDeadlineOptions, computeDeadline } from '../deadlines';
import { JURISDICTIONS } from '../universal/codes';
import { type DisplayLocale, LOCALES, PSEUDO_LOCALE } from '../universal/i18n/locales';
import { type Phrase, type PhraseValue, say } from '../universal/i18n/phrase';
import { translatorFor } from './catalogs';

const at = (iso: string) => new Date(iso);
const SCENARIOS: Record<string, Omit<ComputeDeadlineOptions, 'jurisdiction' | 'requestType'>> = {
  plain: { receivedAt: at('2026-01-31T12:00:00Z') },
  'verified later, extended': {
    receivedAt: at('2026-11-20T12:00:00Z'),
    verifiedAt: at('2026-11-25T12:00:00Z'),
    extended: true,
  },
  paused: {
    receivedAt: at('2026-03-02T12:00:00Z'),
    pauses: [
      { from: at('2026-03-05T10:00:00Z'), to: at('2026-03-09T10:00:00Z'), reason: 'awaiting_identity' },
      { from: at('2026-03-10T10:00:00Z'), to: at('2026-03-10T12:00:00Z'), reason: 'awaiting_clarification' },
      { from: at('2027-06-01T10:00:00Z'), to: at('2027-06-02T10:00:00Z'), reason: 'awaiting_identity' },
    ],
  },
};

/**
 * The names a step carries as they are: zones, states, jurisdictions, and holidays in the reader's
 * language where date-holidays names them in it, else in English.
 */
function names(steps: readonly Phrase[], locale: DisplayLocale): string[] {
  const out: string[] = [];
  const visit = (value: PhraseValue | undefined) => {
    if (!value || typeof value !== 'object') return;
    if ('names' in value) out.push(value.names[locale] ?? value.names[locale.split('-')[0]] ?? value.names.en);
    if ('key' in value)
      for (const [name, v] of Object.entries(value.values ?? {})) {
        if (typeof v === 'string' && ['name', 'holiday', 'zone', 'state'].includes(name)) out.push(v);
        visit(v);
      }
    if ('list' in value) value.list.forEach(visit);
  };
  steps.forEach(visit);
  return out.sort((a, b) => b.length - a.length);
}

const without = (text: string, keep: string[]) => keep.reduce((t, name) => t.split(name).join(' '), text);
const pseudoEnglishLeft = (text: string) => text.match(/\b[A-Za-z]{2,}(?:[ ,.'’:;-]+[A-Za-z]{2,}){2,}\b/g) ?? [];
const englishLeft = (text: string) =>
  text.match(/\b(?:the|you|your|we|our|with|this|that|have|within|will|is|are|of|to|by|or|from|due|days?)\b/gi) ?? [];

const CASES = JURISDICTIONS.flatMap((jurisdiction) =>
  Object.keys(SCENARIOS).map((scenario) => ({ jurisdiction, scenario })),
);

describe('the deadline explained in the requester’s language', () => {
  it.each(CASES)('$jurisdiction, $scenario: one step per line staff read, each worded in every language', (c) => {
    const deadline = computeDeadline({ jurisdiction: c.jurisdiction, requestType: 'access', ...SCENARIOS[c.scenario] });
    expect(deadline.steps.length).toBe(deadline.explanation.length);
    for (const locale of [...LOCALES, PSEUDO_LOCALE] as DisplayLocale[]) {
      const keep = names(deadline.steps, locale);
      const t = translatorFor(locale);
      for (const step of deadline.steps) expect(t.has(step.key), `${locale} ${step.key}`).toBe(true);
      const text = without(deadline.steps.map((s) => say(t, s)).join('\n'), keep);
      expect(text, locale).not.toMatch(/[{}]/);
      if (locale === PSEUDO_LOCALE) expect(pseudoEnglishLeft(text), locale).toEqual([]);
      else if (locale !== 'en') expect(englishLeft(text), locale).toEqual([]);
    }
  });

  it('dates are written the reader’s way (GDPR: one month from 31 January lands on the last day of February)', () => {
    const { steps } = computeDeadline({
      jurisdiction: 'EU',
      requestType: 'access',
      receivedAt: at('2026-01-31T12:00:00Z'),
    });
    const words = (locale: DisplayLocale) => steps.map((s) => say(translatorFor(locale), s)).join('\n');
    expect(words('en')).toContain('Received on Saturday, 31 January 2026');
    expect(words('en')).toMatch(/as there is no 31 February, the last day of that month/);
    expect(words('fr')).toContain('Reçue le samedi 31 janvier 2026');
    expect(words('fr')).toMatch(/faute de 31 février/);
    expect(words('de')).toContain('Eingegangen am Samstag, 31. Januar 2026');
    expect(words('es-419')).toContain('Recibida el sábado, 31 de enero de 2026');
    expect(words('pt-BR')).toContain('Recebida em sábado, 31 de janeiro de 2026');
  });

  // UK: one month from 25 November 2026 lands on Christmas Day, a Friday; the weekend and Boxing Day's
  // substitute Monday move it to Tuesday 29 December. The holidays are named in the reader's language
  // where date-holidays has the name, in English where it has none (Boxing Day in Portuguese).
  const HOLIDAYS: Record<DisplayLocale, [christmas: string, substitute: string]> = {
    en: ['Christmas Day', 'Boxing Day (substitute day)'],
    fr: ['Noël', 'Lendemain de Noël (jour substitut)'],
    'fr-CA': ['Noël', 'Lendemain de Noël (jour substitut)'],
    'es-419': ['Navidad', 'San Esteban (día sustituto)'],
    'pt-BR': ['Natal', 'Boxing Day (substitute day)'],
    de: ['Weihnachten', '2. Weihnachtstag (Ersatztag)'],
    'en-XA': ['Christmas Day', 'Boxing Day (substitute day)'],
  };
  it.each(Object.entries(HOLIDAYS))(
    '%s: public holidays by their names in that language',
    (locale, [christmas, substitute]) => {
      const { steps } = computeDeadline({
        jurisdiction: 'UK',
        requestType: 'access',
        receivedAt: at('2026-11-25T12:00:00Z'),
      });
      const text = steps.map((s) => say(translatorFor(locale as DisplayLocale), s)).join('\n');
      expect(text).toContain(christmas);
      expect(text).toContain(substitute);
      if (locale !== 'en' && locale !== 'en-XA' && locale !== 'pt-BR') expect(text).not.toContain('Christmas Day');
    },
  );
});
