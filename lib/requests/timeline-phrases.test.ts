import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
  {
    action: 'request.submitted',
    summary:
      'Received (unsubscribe request and opt-out of sale or sharing); it needs no confirmation, so we are acting on it now',
    data: { types: ['unsubscribe', 'opt_out_sale'], verification: 'not-required' },
  },
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

  it('every summary the code records is worded from the catalog (none is left to the page’s English)', () => {
    const recorded = recordedSummaries();
    expect(recorded.fixed.length).toBeGreaterThan(30);
    for (const { file, summary } of recorded.fixed)
      expect(timelinePhrase({ action: 'any', summary, data: {} }, ZONE), `${file}: ${summary}`).not.toBeNull();
    // A summary with values is worded from the event's data: each is one of EVENTS above.
    expect(recorded.withValues.map((r) => r.summary.split(/\$\{/)[0]).sort()).toEqual(
      [
        'Identity check passed: ',
        'Opt-out honored: ',
        'Received (',
        'The deadline runs again; we will answer by ',
        'The person confirmed that their agent may act for them',
        'We accepted the ',
        'We asked you for stronger proof of your identity (',
        'We completed part of your request: ',
        'We could not accept the ',
        'We need more time to decide your appeal; we will decide by ',
        'We need more time; we will answer by ',
        'Withdrawn by the authorized agent ',
      ].sort(),
    );
  });
});

/**
 * The summaries written by lib/'s code (what `recordAuditEvent` stores for the status page), read
 * from its source: each quoted string after `summary:`, plain ones apart from those with values.
 */
function recordedSummaries() {
  const root = path.join(process.cwd(), 'lib');
  const files = (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => ({ file: f, text: readFileSync(path.join(root, f), 'utf8') }))
    .filter(({ text }) => text.includes('recordAuditEvent(') || text.includes('auditEventRow('));
  const fixed: { file: string; summary: string }[] = [];
  const withValues: { file: string; summary: string }[] = [];
  // Quoted strings, but not a value the expression compares with (`kind === 'declaration'`).
  for (const { file, text } of files)
    for (const [, expression] of text.matchAll(/\bsummary:([\s\S]*?)\n\s*(?:[A-Za-z]+:|\}|\.\.\.)/g))
      for (const [, quoted, template] of expression.matchAll(/(?<![=!]==\s*)(?:'((?:[^'\\\n]|\\.)*)'|`([^`]*)`)/g)) {
        // The one constant a summary is built from, as the audit trail writes it.
        const summary = (quoted ?? template).replace(/\$\{OPT_OUT_HONORED_SUMMARY\}/, 'Opt-out honored');
        if (summary === '') continue;
        (/\$\{/.test(summary) ? withValues : fixed).push({ file, summary });
      }
  return { fixed, withValues };
}
