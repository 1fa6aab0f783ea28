import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../i18n/catalogs';
import { say } from '../../universal/i18n/phrase';
import { outcomePhrases } from '../outcome';
import { outcomeOf, parseAnswer } from './webhook-answer';

const line = (locale: 'en' | 'fr' | 'de', outcome: unknown) =>
  outcomePhrases(outcome)
    .map((p) => say(translatorFor(locale), p))
    .join(' ');

describe('a webhook system’s answer', () => {
  it('gives counts of rows changed, which the requester reads in their language', async () => {
    const answer = parseAnswer(JSON.stringify({ status: 'done', changed: { support_tickets: 1, notes: 3 } }));
    if (answer.status !== 'done') throw new Error(answer.status);
    const outcome = await outcomeOf(answer, 'task-1', 'erase');
    expect(outcome.statements).toEqual([
      { name: 'support_tickets', rows: 1 },
      { name: 'notes', rows: 3 },
    ]);
    expect(line('en', outcome)).toBe('support_tickets: 1 row, notes: 3 rows.');
    expect(line('fr', outcome)).toBe('Modifié : support_tickets : 1 ligne et notes : 3 lignes.');
    expect(line('de', outcome)).toBe('Geändert: support_tickets: 1 Zeile, notes: 3 Zeilen.');
  });

  it('passes its own confirmation on as written, in every language', async () => {
    const answer = parseAnswer(JSON.stringify({ status: 'done', confirmation: 'Ticket #12 closed' }));
    if (answer.status !== 'done') throw new Error(answer.status);
    const outcome = await outcomeOf(answer, 'task-1', 'erase');
    expect(outcome.statements).toBeUndefined();
    expect(line('fr', outcome)).toBe('Ticket #12 closed');
  });

  it('refuses counts that are not whole numbers of rows', () => {
    expect(() => parseAnswer(JSON.stringify({ status: 'done', changed: { tickets: -1 } }))).toThrow(/changed/);
    expect(() => parseAnswer(JSON.stringify({ status: 'done', changed: { tickets: 1.5 } }))).toThrow(/changed/);
  });
});
