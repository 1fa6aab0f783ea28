import { describe, expect, it } from 'vitest';
import { JURISDICTIONS, REQUEST_TYPES } from '../universal/codes';
import { DEFAULT_RULES, getRules, overrideRules, resolveRule } from './rules';
import { DeadlineRulesSchema } from './schemas';

describe('DEFAULT_RULES', () => {
  it('passes its own schema', () => {
    expect(DeadlineRulesSchema.safeParse(DEFAULT_RULES).success).toBe(true);
  });

  it('matches rights-law.md section 1 for the first deadline and extension', () => {
    const summary = Object.fromEntries(
      JURISDICTIONS.map((jurisdiction) => {
        const { firstDeadline, extension } = resolveRule(DEFAULT_RULES, jurisdiction, 'access');
        return [jurisdiction, [firstDeadline, extension]];
      }),
    );
    const months = (amount: number) => ({ amount, unit: 'months' });
    const days = (amount: number) => ({ amount, unit: 'calendarDays' });
    expect(summary).toEqual({
      EU: [months(1), months(2)],
      UK: [months(1), months(2)],
      'US-CA': [days(45), days(45)],
      'US-CO': [days(45), days(45)],
      'US-CT': [days(45), days(45)],
      'US-DE': [days(45), days(45)],
      'US-IN': [days(45), days(45)],
      'US-IA': [days(90), days(45)],
      'US-KY': [days(45), days(45)],
      'US-MD': [days(45), days(45)],
      'US-MN': [days(45), days(45)],
      'US-MT': [days(45), days(45)],
      'US-NE': [days(45), days(45)],
      'US-NH': [days(45), days(45)],
      'US-NJ': [days(45), days(45)],
      'US-OR': [days(45), days(45)],
      'US-RI': [days(45), days(45)],
      'US-TN': [days(45), days(45)],
      'US-TX': [days(45), days(45)],
      'US-UT': [days(45), days(45)],
      'US-VA': [days(45), days(45)],
      'US-OTHER': [days(45), days(45)],
      BR: [days(15), null],
      CA: [days(30), days(30)],
      'CA-QC': [days(30), null],
      OTHER: [days(30), days(30)],
    });
  });

  it('GDPR Art. 12(6), UK GDPR Art. 12A, CCPA regs §7021(b): the clock pauses only in the EU and UK, and starts at verification only in the UK', () => {
    for (const jurisdiction of JURISDICTIONS) {
      const rule = resolveRule(DEFAULT_RULES, jurisdiction, 'deletion');
      expect(rule.pauses.awaiting_identity.allowed, jurisdiction).toBe(jurisdiction === 'EU' || jurisdiction === 'UK');
      expect(rule.clockStarts, jurisdiction).toBe(jurisdiction === 'UK' ? 'verification' : 'receipt');
      expect(rule.rollToWorkingDay, jurisdiction).toBe(jurisdiction === 'EU' || jurisdiction === 'UK');
      expect(rule.sources.length, jurisdiction).toBeGreaterThan(0);
    }
  });

  it('CCPA regs §7026(f)(1): a California opt-out of sale/sharing is due in 15 business days, no extension, no acknowledgement', () => {
    const optOut = resolveRule(DEFAULT_RULES, 'US-CA', 'opt_out_sale');
    expect(optOut).toMatchObject({
      isOptOut: true,
      firstDeadline: { amount: 15, unit: 'businessDays' },
      extension: null,
      acknowledgement: null,
    });
    expect(optOut.sources.join(' ')).toContain('§7026(f)(1)');
    expect(resolveRule(DEFAULT_RULES, 'US-CA', 'access').acknowledgement).toEqual({ amount: 10, unit: 'businessDays' });
  });

  it('CCPA regs §7027(g)(1): a California request to limit sensitive data is due in 15 business days, no extension', () => {
    const limit = resolveRule(DEFAULT_RULES, 'US-CA', 'limit_sensitive');
    expect(limit).toMatchObject({
      isOptOut: true,
      firstDeadline: { amount: 15, unit: 'businessDays' },
      extension: null,
      acknowledgement: null,
    });
    expect(limit.sources.join(' ')).toContain('§7027(g)(1)');
  });

  it('Va. Code §59.1-577(B), C.R.S. 6-1-1306: elsewhere in the US an opt-out of sale runs the state’s 45 days, +45', () => {
    for (const jurisdiction of ['US-VA', 'US-CO', 'US-OTHER'] as const) {
      const optOut = resolveRule(DEFAULT_RULES, jurisdiction, 'opt_out_sale');
      expect(optOut, jurisdiction).toMatchObject({
        isOptOut: true,
        firstDeadline: { amount: 45, unit: 'calendarDays' },
        extension: { amount: 45, unit: 'calendarDays' },
      });
    }
    expect(resolveRule(DEFAULT_RULES, 'US-VA', 'opt_out_sale').sources.join(' ')).toContain('§59.1-577(A)(5)');
  });

  it('CAN-SPAM 15 U.S.C. §7704(a)(4)(A): unsubscribing in every US regime is due in 10 business days, no extension', () => {
    for (const jurisdiction of ['US-CA', 'US-VA', 'US-CO', 'US-OTHER'] as const) {
      const unsubscribe = resolveRule(DEFAULT_RULES, jurisdiction, 'unsubscribe');
      expect(unsubscribe, jurisdiction).toMatchObject({
        isOptOut: true,
        firstDeadline: { amount: 10, unit: 'businessDays' },
        extension: null,
        acknowledgement: null,
      });
      expect(unsubscribe.sources.join(' '), jurisdiction).toContain('§7704(a)(4)(A)');
    }
  });

  it('CASL s.11(3): unsubscribing in Canada is due in 10 business days', () => {
    const unsubscribe = resolveRule(DEFAULT_RULES, 'CA', 'unsubscribe');
    expect(unsubscribe).toMatchObject({
      isOptOut: true,
      firstDeadline: { amount: 10, unit: 'businessDays' },
      extension: null,
    });
    expect(unsubscribe.sources.join(' ')).toContain('CASL s.11(3)');
  });

  it('GDPR Art. 21(3), 12(3) [policy]: unsubscribing elsewhere takes 10 business days, inside the month', () => {
    for (const jurisdiction of ['EU', 'UK', 'BR', 'OTHER'] as const) {
      const unsubscribe = resolveRule(DEFAULT_RULES, jurisdiction, 'unsubscribe');
      expect(unsubscribe, jurisdiction).toMatchObject({
        isOptOut: true,
        firstDeadline: { amount: 10, unit: 'businessDays' },
        extension: null,
      });
      expect(unsubscribe.sources.join(' '), jurisdiction).toMatch(/Art\. 21\(2\)-\(3\).*\[policy\]/);
    }
  });

  it('GDPR Art. 21(1), 12(3): an objection takes the regime’s own clock, extension included, and is not an opt-out', () => {
    for (const jurisdiction of JURISDICTIONS) {
      const objection = resolveRule(DEFAULT_RULES, jurisdiction, 'objection');
      const access = resolveRule(DEFAULT_RULES, jurisdiction, 'access');
      expect(objection.isOptOut, jurisdiction).toBe(false);
      expect([objection.firstDeadline, objection.extension], jurisdiction).toEqual([
        access.firstDeadline,
        access.extension,
      ]);
    }
    expect(resolveRule(DEFAULT_RULES, 'EU', 'objection').extension).toEqual({ amount: 2, unit: 'months' });
  });

  it('says which types are opt-outs only in the per-type rows: the jurisdiction’s own rights are not', () => {
    for (const jurisdiction of JURISDICTIONS)
      for (const type of ['access', 'correction', 'deletion', 'export', 'restriction'] as const)
        expect(resolveRule(DEFAULT_RULES, jurisdiction, type).isOptOut, `${jurisdiction} ${type}`).toBe(false);
  });

  it('resolves every jurisdiction and request type', () => {
    for (const jurisdiction of JURISDICTIONS) {
      for (const requestType of REQUEST_TYPES) {
        expect(() => resolveRule(DEFAULT_RULES, jurisdiction, requestType)).not.toThrow();
      }
    }
  });

  it('cannot be changed in place by a caller', () => {
    expect(() => {
      (DEFAULT_RULES.UK.firstDeadline as { amount: number }).amount = 2;
    }).toThrow(TypeError);
  });
});

describe('overrideRules / getRules', () => {
  it('returns the defaults without overrides', () => {
    expect(getRules()).toBe(DEFAULT_RULES);
    expect(getRules(null)).toBe(DEFAULT_RULES);
  });

  it('replaces the given fields and keeps the rest', () => {
    const rules = getRules({ EU: { rollToWorkingDay: false, holidayCountry: 'DE-BE', timeZone: 'Europe/Berlin' } });
    expect(rules.EU).toMatchObject({ rollToWorkingDay: false, holidayCountry: 'DE-BE', timeZone: 'Europe/Berlin' });
    expect(rules.EU.firstDeadline).toEqual(DEFAULT_RULES.EU.firstDeadline);
    expect(rules.UK).toEqual(DEFAULT_RULES.UK);
    expect(DEFAULT_RULES.EU.rollToWorkingDay).toBe(true);
  });

  it('merges per request type, field by field', () => {
    const rules = overrideRules(DEFAULT_RULES, {
      'US-CA': { byRequestType: { opt_out_sale: { firstDeadline: { amount: 10, unit: 'businessDays' } } } },
      BR: { byRequestType: { access: { extension: { amount: 15, unit: 'calendarDays' } } } },
    });
    const optOut = resolveRule(rules, 'US-CA', 'opt_out_sale');
    expect(optOut.firstDeadline).toEqual({ amount: 10, unit: 'businessDays' });
    expect(optOut.sources.join(' ')).toContain('§7026'); // the untouched fields survive
    expect(optOut).toMatchObject({ isOptOut: true, extension: null });
    expect(resolveRule(rules, 'BR', 'access').extension).toEqual({ amount: 15, unit: 'calendarDays' });
    expect(resolveRule(rules, 'BR', 'deletion').extension).toBeNull();
  });

  it.each([
    ['an unknown jurisdiction', { XX: { rollToWorkingDay: true } }],
    ['a misspelt field', { UK: { pauseAlowed: true } }],
    ['an unknown request type', { UK: { byRequestType: { erase: { rollToWorkingDay: true } } } }],
    ['an opt-out flag that is not a boolean', { UK: { byRequestType: { unsubscribe: { optOut: 'yes' } } } }],
    ['the opt-out flag on a jurisdiction', { UK: { optOut: true } }],
    ['a partial period', { UK: { extension: { amount: 3 } } }],
    ['the old pause boolean', { UK: { pauseAllowed: true } }],
    ['a pause rule without every reason', { UK: { pauses: { awaiting_identity: { allowed: true, source: 'x' } } } }],
    [
      'a pause rule without a source',
      {
        UK: {
          byRequestType: {
            deletion: { pauses: { awaiting_identity: { allowed: true }, awaiting_clarification: { allowed: true } } },
          },
        },
      },
    ],
    ['a zero period', { UK: { firstDeadline: { amount: 0, unit: 'months' } } }],
    ['an unknown time zone', { UK: { timeZone: 'Europe/Atlantis' } }],
    ['an unknown holiday calendar', { UK: { holidayCountry: 'GB-XYZ' } }],
    ['a non-object', 'UK=2 months'],
  ])('rejects %s with a message naming the problem', (_, overrides) => {
    expect(() => getRules(overrides)).toThrow(/Invalid deadline rule overrides/);
  });
});
