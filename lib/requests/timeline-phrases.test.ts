import { describe, expect, it } from 'vitest';
import { translatorFor } from '../i18n/catalogs';
import { type DisplayLocale, LOCALES, PSEUDO_LOCALE } from '../universal/i18n/locales';
import { say } from '../universal/i18n/phrase';
import { timelinePhrase } from './timeline-phrases';

const ZONE = 'Europe/Paris';
/** Events as the writers record them: their action, English summary and audit data. */
const EVENTS = [
  {
    action: 'deadline.extended',
    summary: 'We need more time; we will answer by 26 February 2027',
    data: { dueAt: '2027-02-26T22:59:59.999Z', reason: 'ZZ' },
  },
  {
    action: 'clock.resumed',
    summary: 'The deadline runs again; we will answer by 5 January 2027',
    data: { dueAt: '2027-01-05T22:59:59.999Z' },
  },
  {
    action: 'appeal.extended',
    summary: 'We need more time to decide your appeal; we will decide by 5 March 2027',
    data: { dueAt: '2027-03-05T22:59:59.999Z' },
  },
  {
    action: 'request.withdrawn',
    summary: 'Withdrawn by the authorized agent Acme Agents',
    data: { via: 'drp', agentId: 'a1' },
  },
  {
    action: 'request.types_completed',
    summary: 'We completed part of your request: Access; Deletion',
    data: { types: ['access', 'deletion'] },
  },
  {
    action: 'verification.check_succeeded',
    summary: 'Identity check passed: signed declaration under penalty of perjury (high certainty)',
    data: { method: 'declaration', level: 'high' },
  },
  {
    action: 'verification.stronger_proof_asked',
    summary: 'We asked you for stronger proof of your identity (reasonable certainty)',
    data: { level: 'reasonable' },
  },
  {
    action: 'evidence.accepted',
    summary: 'We accepted the declaration you sent as proof of your identity',
    data: {},
  },
  {
    action: 'appeal.rejected',
    summary: 'We decided your appeal: our decision stands; see our email for the reasons',
    data: {},
  },
  { action: 'request.asked_requester', summary: 'We asked you to confirm your identity', data: {} },
];

const words = (locale: DisplayLocale, event: (typeof EVENTS)[number]) => {
  const p = timelinePhrase(event, ZONE);
  return p && say(translatorFor(locale), p);
};

describe('the timeline in the requester’s language', () => {
  it.each(EVENTS)('$action: worded in every language, with its date or name', (event) => {
    expect(words('en', event)).toBe(event.summary.replace('Access; Deletion', 'access and deletion'));
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const text = words(locale, event);
      expect(text, locale).not.toBe(event.summary);
      expect(text, locale).not.toMatch(/\b(?:the|you|your|we|our|of|to|by)\b/i);
      if (event.action === 'request.withdrawn') expect(text, locale).toContain('Acme Agents');
    }
    expect(words(PSEUDO_LOCALE, event)?.replace('Acme Agents', '')).not.toMatch(
      /[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}/,
    );
  });

  it('dates in the request’s zone, as the reader writes them', () => {
    expect(words('fr', EVENTS[0])).toBe(
      'Nous avons besoin de plus de temps ; nous vous répondrons au plus tard le 26 février 2027',
    );
    expect(words('de', EVENTS[0])).toBe('Wir brauchen mehr Zeit; wir antworten bis zum 26. Februar 2027');
  });

  it('a summary the catalog does not word stays English (the page marks it)', () => {
    expect(timelinePhrase({ action: 'x.unknown', summary: 'Something else happened', data: {} }, ZONE)).toBeNull();
    expect(timelinePhrase({ action: 'deadline.extended', summary: 'We need more time', data: {} }, ZONE)).toBeNull();
  });
});
