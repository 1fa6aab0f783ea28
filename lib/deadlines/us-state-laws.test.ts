import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  JURISDICTION_GROUPS,
  JURISDICTIONS,
  US_STATE_JURISDICTIONS,
  US_STATES,
  type Jurisdiction,
} from '../universal/codes';
import { isKnownHolidayCalendar } from './calendar';
import { computeDeadline } from './compute-deadline';
import { DEFAULT_RULES, resolveRule } from './rules';
import { US_STATE_LAWS } from './us-state-laws';

const days = (amount: number) => ({ amount, unit: 'calendarDays' });
const dueDate = (jurisdiction: Jurisdiction, receivedAt: string, extended = false) => {
  const d = computeDeadline({ jurisdiction, requestType: 'access', receivedAt: new Date(receivedAt), extended });
  return DateTime.fromJSDate(d.dueAt, { zone: d.timeZone }).toISODate();
};

// One row per state: the figures the statute gives and the citation they come from, read in
// docs/rights-law.md §1 "US states". The test name carries the citation.
const STATES: [Jurisdiction, string, number, number, number | null, number | null, string][] = [
  // state, citation, response, extension, appeal decision, appeal extension, effective from
  ['US-CA', 'Cal. Civ. Code §1798.130(a)(2); 11 CCR §7021(b)', 45, 45, null, null, '2020-01-01'],
  ['US-CO', 'C.R.S. 6-1-1306(2)(a), (3)(b)', 45, 45, 45, 60, '2023-07-01'],
  ['US-CT', 'Conn. Gen. Stat. §42-518(c)(1), (d)', 45, 45, 60, null, '2023-07-01'],
  ['US-DE', '6 Del. C. §12D-104(c), (d)', 45, 45, 60, null, '2025-01-01'],
  ['US-IN', 'Ind. Code 24-15-3-2, 24-15-3-3', 45, 45, 60, null, '2026-01-01'],
  ['US-IA', 'Iowa Code §715D.4(2), (3)', 90, 45, 60, null, '2025-01-01'],
  ['US-KY', 'KRS 367.3615(3), (4)', 45, 45, 60, null, '2026-01-01'],
  ['US-MD', 'Md. Com. Law §14-4605', 45, 45, 60, null, '2025-10-01'],
  ['US-MN', 'Minn. Stat. §325M.14 subd. 5, 6', 45, 45, 45, 60, '2025-07-31'],
  ['US-MT', 'Mont. Code Ann. §30-14-2808(4), (5)', 45, 45, 60, null, '2024-10-01'],
  ['US-NE', 'Neb. Rev. Stat. §87-1108, 87-1109', 45, 45, 60, null, '2025-01-01'],
  ['US-NH', 'RSA 507-H:4, III-IV', 45, 45, 60, null, '2025-01-01'],
  ['US-NJ', 'N.J.S.A. 56:8-166.10(a), (d)', 45, 45, 45, 45, '2025-01-15'],
  ['US-OR', 'ORS 646A.576(4), (5)', 45, 45, 45, 45, '2024-07-01'],
  ['US-RI', 'R.I. Gen. Laws §6-48.1-5', 45, 45, 60, null, '2026-01-01'],
  ['US-TN', 'Tenn. Code Ann. §47-18-3306(b), (c)', 45, 45, 60, null, '2025-07-01'],
  ['US-TX', 'Tex. Bus. & Com. Code §541.052(b), §541.053', 45, 45, 60, null, '2024-07-01'],
  ['US-UT', 'Utah Code §13-61-203(2): no appeal', 45, 45, null, null, '2023-12-31'],
  ['US-VA', 'Va. Code §59.1-577(B)(1), (C)', 45, 45, 60, null, '2023-01-01'],
];

describe('US state laws', () => {
  it('the form groups every jurisdiction exactly once, the states under "United States" with another state last', () => {
    const grouped = JURISDICTION_GROUPS.flatMap((group) => group.jurisdictions);
    expect([...grouped].sort()).toEqual([...JURISDICTIONS].sort());
    const us = JURISDICTION_GROUPS.find((group) => group.label === 'United States')!.jurisdictions;
    expect(us).toEqual([...US_STATE_JURISDICTIONS, 'US-OTHER']);
  });

  it('cover every US state jurisdiction, one row each', () => {
    expect(STATES.map(([state]) => state).sort()).toEqual([...US_STATE_JURISDICTIONS].sort());
    for (const state of US_STATE_JURISDICTIONS) expect(JURISDICTIONS).toContain(state);
  });

  it.each(STATES)(
    '%s (%s): response, extension, appeal decision and its extension, effective date',
    (state, _citation, response, extension, decision, appealExtension, from) => {
      const rule = resolveRule(DEFAULT_RULES, state, 'deletion', new Date('2026-12-02T12:00:00Z'));
      expect(rule.firstDeadline).toEqual(days(response));
      expect(rule.extension).toEqual(days(extension));
      expect(rule.appealDecision).toEqual(decision === null ? null : days(decision));
      expect(rule.appealExtension).toEqual(appealExtension === null ? null : days(appealExtension));
      // The statutes give the window to file as "a reasonable period": 60 days is policy, and only where there is an appeal.
      expect(rule.appealWindowDays).toBe(decision === null ? null : 60);
      expect(DEFAULT_RULES[state].effective).toEqual({ from, before: 'US-OTHER' });
      expect(rule.sources.length).toBeGreaterThan(0);
      expect(rule.sources.every((source) => /\[(P|S|policy)\]$/.test(source))).toBe(true);
    },
  );

  it.each(US_STATE_JURISDICTIONS)(
    '%s names its authority, a holiday calendar date-holidays knows and a zone',
    (state) => {
      const law = US_STATE_LAWS[state];
      expect(law.authority.name).toMatch(/Attorney General|Privacy Protection Agency/);
      expect(law.authority.name).toContain(US_STATES[state]);
      expect(isKnownHolidayCalendar(law.holidayCountry)).toBe(true);
      expect(law.holidayCountry).toBe(state);
      expect(DateTime.local().setZone(law.timeZone).isValid).toBe(true);
    },
  );

  it('Va. Code §59.1-577(B)(1): received 2 Dec 2026 in Virginia, due 16 Jan 2027, extended 2 Mar 2027', () => {
    expect(dueDate('US-VA', '2026-12-02T15:00:00Z')).toBe('2027-01-16');
    expect(dueDate('US-VA', '2026-12-02T15:00:00Z', true)).toBe('2027-03-02');
  });

  it('Iowa Code §715D.4(2): 90 days, then 45 more', () => {
    expect(dueDate('US-IA', '2026-12-02T15:00:00Z')).toBe('2027-03-02');
    expect(dueDate('US-IA', '2026-12-02T15:00:00Z', true)).toBe('2027-04-16');
  });

  it('counts the day in the state zone: 1 Jan 2026 05:30 UTC is still 31 Dec in Texas (Central)', () => {
    const d = computeDeadline({
      jurisdiction: 'US-TX',
      requestType: 'access',
      receivedAt: new Date('2026-01-01T05:30:00Z'),
    });
    expect(d.timeZone).toBe('America/Chicago');
    expect(d.explanation[0]).toBe('received Wed 31 Dec 2025 (America/Chicago)');
  });

  it('Ind. Code 24-15 (in force 1 Jan 2026): a request received on 31 Dec 2025 in Indiana gets the policy default, no appeal', () => {
    const before = resolveRule(DEFAULT_RULES, 'US-IN', 'access', new Date('2025-12-31T18:00:00Z'));
    expect(before).toMatchObject({
      jurisdiction: 'US-IN',
      appealDecision: null,
      appealWindowDays: null,
      timeZone: 'America/Indiana/Indianapolis',
      holidayCountry: 'US-IN',
      beforeEffective: { from: '2026-01-01', appliedRulesOf: 'US-OTHER' },
    });
    expect(before.sources[0]).toMatch(/took effect on 2026-01-01/);
    const after = resolveRule(DEFAULT_RULES, 'US-IN', 'access', new Date('2026-01-01T06:00:00Z'));
    expect(after).toMatchObject({ appealDecision: days(60), beforeEffective: null });
    const d = computeDeadline({
      jurisdiction: 'US-IN',
      requestType: 'access',
      receivedAt: new Date('2025-12-31T18:00:00Z'),
    });
    expect(d.explanation[1]).toMatch(/US-IN law took effect on 2026-01-01, after receipt: the US-OTHER policy default/);
  });

  it('US-OTHER keeps the policy default: 45 + 45, no appeal, the Attorney General of the state named generically', () => {
    const rule = resolveRule(DEFAULT_RULES, 'US-OTHER', 'access');
    expect(rule).toMatchObject({
      firstDeadline: days(45),
      extension: days(45),
      appealDecision: null,
      appealWindowDays: null,
      authority: { name: 'the Attorney General of your state', url: null },
      beforeEffective: null,
    });
  });
});

describe('Quebec and the authorities', () => {
  it("P-39.1 s.32: CA-QC answers within 30 days with no extension, in Quebec's calendar", () => {
    const rule = resolveRule(DEFAULT_RULES, 'CA-QC', 'access');
    expect(rule).toMatchObject({
      firstDeadline: days(30),
      extension: null,
      holidayCountry: 'CA-QC',
      appealDecision: null,
    });
    expect(rule.authority?.name).toMatch(/Commission d'accès à l'information/);
    expect(dueDate('CA-QC', '2026-12-02T15:00:00Z')).toBe('2027-01-01');
    expect(dueDate('CA-QC', '2026-12-02T15:00:00Z', true)).toBe('2027-01-01');
  });

  it.each([
    ['EU', /supervisory authority/, 'GDPR Art. 77'],
    ['UK', /Information Commissioner's Office/, 'UK GDPR Art. 77'],
    ['BR', /ANPD/, 'LGPD Art. 18 §1'],
    ['CA', /Privacy Commissioner of Canada/, 'PIPEDA s.8(4)'],
    ['CA-QC', /Commission d'accès à l'information/, 'P-39.1 s.42'],
    ['US-VA', /Virginia Attorney General/, 'Va. Code §59.1-577(C)'],
    ['US-CO', /Colorado Attorney General/, 'C.R.S. 6-1-1306(3)(c)'],
  ] as const)('%s names %s (%s)', (jurisdiction, name, _citation) => {
    expect(DEFAULT_RULES[jurisdiction].authority?.name).toMatch(name);
  });
});
