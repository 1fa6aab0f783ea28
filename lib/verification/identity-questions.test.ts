import { describe, expect, it } from 'vitest';
import { countMatches, normaliseAnswer, normaliseMonth, unreadableAnswers } from './identity-questions';

describe('normaliseMonth', () => {
  it.each([
    'March 2025',
    'march 2025',
    'Mar. 2025',
    'MAR 2025',
    '2025-03',
    '2025/3',
    '03/2025',
    '3.2025',
    '2025 March',
    'March, 2025',
    'March 14, 2025',
    '2025-03-14',
    '3/14/2025',
    ' march2025 ',
  ])('reads %s as 2025-03', (raw) => {
    expect(normaliseMonth(raw)).toBe('2025-03');
  });

  it.each(['mars 2025', 'Mars 2025', 'marzo de 2025', 'março de 2025', 'März 2025', 'im März 2025', 'mar. 2025'])(
    "reads %s, a month in one of the portal's languages, as 2025-03",
    (raw) => {
      expect(normaliseMonth(raw)).toBe('2025-03');
    },
  );

  it.each([
    ['févr. 2024', '2024-02'],
    ['fevrier 2024', '2024-02'],
    ['août 2024', '2024-08'],
    ['agosto de 2024', '2024-08'],
    ['juillet 2024', '2024-07'],
    ['Dezember 2024', '2024-12'],
    ['diciembre de 2024', '2024-12'],
    ['outubro de 2024', '2024-10'],
    ['enero 2024', '2024-01'],
  ])('reads %s as %s', (raw, month) => {
    expect(normaliseMonth(raw)).toBe(month);
  });

  it('cannot read an abbreviation two months share (French juin and juillet)', () => {
    expect(normaliseMonth('jui 2024')).toBeNull();
  });

  it('reads September by its abbreviations', () => {
    expect(normaliseMonth('Sept 2024')).toBe('2024-09');
    expect(normaliseMonth('sep 2024')).toBe('2024-09');
  });

  it.each(['2025', 'March', '13/2025', 'Marchy 2025', 'Ma 2025', '2024 2025', '1/2/3/2025', ''])(
    'cannot read %s',
    (raw) => {
      expect(normaliseMonth(raw)).toBeNull();
    },
  );
});

describe('normaliseAnswer', () => {
  it('drops case, spaces and punctuation from text', () => {
    expect(normaliseAnswer('text', '  Analytical-Engines, LTD. ')).toBe(
      normaliseAnswer('text', 'analytical engines ltd'),
    );
    expect(normaliseAnswer('text', 'BS_LIVE_3F9A')).toBe('bslive3f9a');
  });
  it('keeps only digits of a card', () => {
    expect(normaliseAnswer('digits', '•••• 1815')).toBe('1815');
  });
});

describe('countMatches', () => {
  const expected = {
    organization: ['Analytical Engines Ltd'],
    account_created_month: ['2025-03'],
    api_key_prefix: ['bs_live_3f9a', 'bs_test_77c1'],
    card_last4: ['1815'],
  };

  it('counts each answered question that matches one value held, whatever its form', () => {
    expect(
      countMatches(
        { organization: 'analytical engines ltd.', account_created_month: 'Mar 2025', api_key_prefix: 'BS-TEST-77C1' },
        expected,
      ),
    ).toEqual({ answered: 3, matched: 3 });
  });

  it('counts wrong and empty answers as no match', () => {
    expect(countMatches({ organization: 'Other Ltd', card_last4: '1816', api_key_prefix: '' }, expected)).toEqual({
      answered: 2,
      matched: 0,
    });
  });

  it('matches nothing when nothing is held (no account)', () => {
    expect(countMatches({ organization: 'Analytical Engines Ltd', card_last4: '1815' }, {})).toEqual({
      answered: 2,
      matched: 0,
    });
  });

  it('never matches an empty value held against an answer', () => {
    expect(countMatches({ organization: '...' }, { organization: [''] })).toEqual({ answered: 0, matched: 0 });
  });
});

describe('unreadableAnswers', () => {
  it('names a month that is not one and a card that is not four digits; empty answers are fine', () => {
    expect(unreadableAnswers({ account_created_month: 'sometime', card_last4: '12345', organization: '' })).toEqual([
      'account_created_month',
      'card_last4',
    ]);
    expect(unreadableAnswers({ account_created_month: '03/2025', card_last4: '1815' })).toEqual([]);
  });
});
