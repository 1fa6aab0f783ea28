import { describe, expect, it } from 'vitest';
import { JURISDICTIONS, REQUEST_TYPES } from '../universal/codes';
import { levelFromChecks, meetsLevel } from './levels';
import { requiredVerification, VERIFICATION_RULES } from './level-rules';

describe('levelFromChecks', () => {
  it('is none without checks, and email once the email link is followed', () => {
    expect(levelFromChecks([])).toBe('none');
    expect(levelFromChecks([{ method: 'email_link' }])).toBe('email');
  });

  it('counts the email as one data point: one matched answer more reaches reasonable', () => {
    expect(levelFromChecks([{ method: 'email_link' }, { method: 'data_points', points: 1 }])).toBe('reasonable');
    expect(levelFromChecks([{ method: 'data_points', points: 1 }])).toBe('none');
    expect(levelFromChecks([{ method: 'data_points', points: 2 }])).toBe('reasonable');
  });

  it('reaches high with three points only together with a signed declaration', () => {
    const three = [{ method: 'email_link' as const }, { method: 'data_points' as const, points: 2 }];
    expect(levelFromChecks(three)).toBe('reasonable');
    expect(levelFromChecks([...three, { method: 'declaration' }])).toBe('high');
    expect(levelFromChecks([{ method: 'email_link' }, { method: 'declaration' }])).toBe('email');
  });

  it('takes the best of several data-point attempts, not their sum', () => {
    const attempts = [
      { method: 'data_points' as const, points: 1 },
      { method: 'data_points' as const, points: 1 },
    ];
    expect(levelFromChecks([{ method: 'email_link' }, ...attempts, { method: 'declaration' }])).toBe('reasonable');
  });

  it('gives high for the account sign-in and the reviewed level for evidence', () => {
    expect(levelFromChecks([{ method: 'account_sign_in' }])).toBe('high');
    expect(levelFromChecks([{ method: 'email_link' }, { method: 'evidence', level: 'reasonable' }])).toBe('reasonable');
    expect(levelFromChecks([{ method: 'evidence', level: 'high' }])).toBe('high');
  });

  it('orders levels', () => {
    expect(meetsLevel('high', 'reasonable')).toBe(true);
    expect(meetsLevel('email', 'reasonable')).toBe(false);
    expect(meetsLevel('none', 'none')).toBe(true);
  });
});

describe('the verification rules', () => {
  it('cover every regime and type, each row with a reason and a source', () => {
    for (const row of VERIFICATION_RULES) {
      expect(row.source.length, JSON.stringify(row)).toBeGreaterThan(5);
      expect(row.reason.length).toBeGreaterThan(10);
      expect(meetsLevel(row.beforeDisclosure, row.beforeWork), 'release never needs less than work').toBe(true);
    }
    for (const jurisdiction of JURISDICTIONS)
      for (const type of REQUEST_TYPES)
        expect(() => requiredVerification({ jurisdiction, types: [type] })).not.toThrow();
  });

  it('asks California for a reasonably high degree before releasing specific pieces, reasonable before deleting', () => {
    expect(requiredVerification({ jurisdiction: 'US-CA', types: ['access'] })).toMatchObject({
      beforeWork: 'email',
      beforeDisclosure: 'high',
    });
    expect(requiredVerification({ jurisdiction: 'US-CA', types: ['deletion'] }).beforeWork).toBe('reasonable');
    expect(requiredVerification({ jurisdiction: 'US-CA', types: ['correction'] }).beforeWork).toBe('reasonable');
  });

  it('asks nothing for opt-outs, unsubscribing, limiting or objecting, anywhere', () => {
    for (const jurisdiction of JURISDICTIONS)
      for (const type of ['unsubscribe', 'opt_out_sale', 'limit_sensitive', 'objection'] as const)
        expect(requiredVerification({ jurisdiction, types: [type] }), `${jurisdiction} ${type}`).toMatchObject({
          beforeWork: 'none',
          beforeDisclosure: 'none',
        });
    expect(requiredVerification({ jurisdiction: 'US-CA', types: ['limit_sensitive'] }).rules[0].source).toContain(
      '§7027(e)',
    );
  });

  it('treats a California restriction as any request, not as a request to limit (11 CCR §7027)', () => {
    expect(requiredVerification({ jurisdiction: 'US-CA', types: ['restriction'] }).beforeWork).toBe('email');
  });

  it('asks GDPR regimes for control of the email, and more only when staff ask for it', () => {
    expect(requiredVerification({ jurisdiction: 'EU', types: ['access', 'deletion'] })).toMatchObject({
      beforeWork: 'email',
      beforeDisclosure: 'email',
    });
    const doubted = requiredVerification({ jurisdiction: 'UK', types: ['access'], verificationRequired: 'reasonable' });
    expect(doubted).toMatchObject({ beforeWork: 'reasonable', beforeDisclosure: 'reasonable' });
  });

  it('takes the strictest type of a mixed request', () => {
    const mixed = requiredVerification({ jurisdiction: 'US-CA', types: ['opt_out_sale', 'access', 'deletion'] });
    expect(mixed).toMatchObject({ beforeWork: 'reasonable', beforeDisclosure: 'high' });
    expect(mixed.rules.map((r) => r.appliesTo)).toEqual(['opt_out_sale', 'access', 'deletion']);
  });
});
