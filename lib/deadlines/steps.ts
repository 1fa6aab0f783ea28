/**
 * The deadline's explanation as the requester reads it: phrases (catalog keys `deadline.*` and their
 * values), put into words by the page or email that knows the reader's language. Beside the English
 * explanation staff and the audit trail read (format.ts); dates are values, never formatted here.
 */
import type { DateTime } from 'luxon';
import { type Jurisdiction, US_STATES } from '../universal/codes';
import { type DayValue, type InstantValue, type Phrase, type PhraseValue, phrase } from '../universal/i18n/phrase';
import type { MessageKey } from '../universal/i18n/translator';
import type { PublicHoliday } from './calendar';
import type { Pause } from './pauses';
import type { Period } from './schemas';

export const step = (key: MessageKey, values?: Record<string, PhraseValue>): Phrase => phrase(key, values);

/** A local calendar day (held as a UTC-midnight DateTime) as a value the reader's language dates. */
export const dayOf = (day: DateTime, style: DayValue['style'] = 'date'): DayValue => ({
  day: day.toISODate() as string,
  style,
});

/** "one calendar month", "45 calendar days", "10 business days", in the reader's words. */
export const periodPhrase = ({ amount, unit }: Period): Phrase => step('deadline.period', { amount, unit });

const instant = (date: Date, timeZone: string): InstantValue => ({
  instant: date.toISOString(),
  timeZone,
  time: true,
});

/** A pause's span, its start and end dated and timed in the rule's zone. */
export const spanPhrase = (pause: Pause, timeZone: string): Phrase =>
  step('deadline.span', { from: instant(pause.from, timeZone), to: instant(pause.to, timeZone) });

/** Public holidays by their names in the reader's language (date-holidays', else English), each with its day. */
export const holidaysPhrase = (holidays: readonly PublicHoliday[]): PhraseValue => ({
  list: holidays.map(({ date, names }) =>
    step('deadline.holiday', { name: names, day: { day: date, style: 'dayMonth' } }),
  ),
});

/** The jurisdiction as the requester's language names it (codes.jurisdiction.*). */
export function jurisdictionPhrase(code: Jurisdiction): Phrase {
  const state = (US_STATES as Record<string, string>)[code];
  return state ? step('codes.jurisdiction.usState', { state }) : step(`codes.jurisdiction.${code}` as MessageKey);
}
