import { describe, expect, it } from 'vitest';
import { JURISDICTIONS, REQUEST_TYPES } from '../universal/codes';
import { computeDeadline, DEFAULT_RULES, getRules, PAUSE_REASONS, resolveRule } from './index';

const at = (iso: string) => new Date(iso);
const rule = (jurisdiction: (typeof JURISDICTIONS)[number], type: (typeof REQUEST_TYPES)[number]) =>
  resolveRule(DEFAULT_RULES, jurisdiction, type);

describe('pauses per reason', () => {
  it('every jurisdiction and type has a rule and a source for each pause reason', () => {
    for (const jurisdiction of JURISDICTIONS)
      for (const type of REQUEST_TYPES)
        for (const reason of PAUSE_REASONS) {
          const row = rule(jurisdiction, type).pauses[reason];
          expect(typeof row.allowed, `${jurisdiction} ${type} ${reason}`).toBe('boolean');
          expect(row.source, `${jurisdiction} ${type} ${reason}`).toMatch(/\[(P|S|policy)[\];]/);
        }
  });

  it('EU: waiting for identity stops the month (GDPR Art. 12(6); EDPB Guidelines 01/2022 §3, §5.3)', () => {
    for (const type of REQUEST_TYPES) expect(rule('EU', type).pauses.awaiting_identity.allowed, type).toBe(true);
    expect(rule('EU', 'access').pauses.awaiting_identity.source).toContain('EDPB Guidelines 01/2022');
  });

  it('EU: a clarification never stops the month, not even for access (GDPR Art. 12(3))', () => {
    for (const type of REQUEST_TYPES) expect(rule('EU', type).pauses.awaiting_clarification.allowed, type).toBe(false);
    expect(rule('EU', 'access').pauses.awaiting_clarification.source).toContain('GDPR Art. 12(3)');
  });

  it('UK: waiting for identity stops the clock for every type (UK GDPR Art. 12A; DPA 2018 s.54(3))', () => {
    for (const type of REQUEST_TYPES) expect(rule('UK', type).pauses.awaiting_identity.allowed, type).toBe(true);
  });

  it('UK: a clarification stops the clock of an access request only (UK GDPR Art. 12A; DPA 2018 s.54(3C))', () => {
    for (const type of REQUEST_TYPES)
      expect(rule('UK', type).pauses.awaiting_clarification.allowed, type).toBe(type === 'access');
    expect(rule('UK', 'deletion').pauses.awaiting_clarification.source).toContain('s.54(3C)');
  });

  it('US-CA: nothing stops the 45 days, which run "regardless of time required to verify" (CCPA regs §7021(b))', () => {
    for (const type of REQUEST_TYPES)
      for (const reason of PAUSE_REASONS) expect(rule('US-CA', type).pauses[reason].allowed).toBe(false);
    expect(rule('US-CA', 'access').pauses.awaiting_identity.source).toContain('§7021(b)');
  });

  it('BR, CA and the policy default have no pause (LGPD Art. 19(II); PIPEDA s.8(3); [policy])', () => {
    for (const jurisdiction of ['BR', 'CA', 'OTHER', 'US-VA', 'US-CO', 'US-OTHER'] as const)
      for (const reason of PAUSE_REASONS)
        expect(rule(jurisdiction, 'access').pauses[reason].allowed, `${jurisdiction} ${reason}`).toBe(false);
  });

  it('an operator can override the pause rule of one request type, with its own source', () => {
    const rules = getRules({
      EU: {
        byRequestType: {
          access: {
            pauses: {
              awaiting_identity: { allowed: true, source: 'EDPB [S]' },
              awaiting_clarification: { allowed: true, source: 'Counsel opinion 2027-01 [policy]' },
            },
          },
        },
      },
    });
    expect(resolveRule(rules, 'EU', 'access').pauses.awaiting_clarification).toEqual({
      allowed: true,
      source: 'Counsel opinion 2027-01 [policy]',
    });
    expect(resolveRule(rules, 'EU', 'deletion').pauses.awaiting_clarification.allowed).toBe(false);
  });
});

describe('computeDeadline counts a pause only for a reason its rule allows', () => {
  const receivedAt = at('2026-02-02T10:00:00Z'); // Mon 2 Feb 2026: one month is Mon 2 Mar
  const tenDays = (reason: 'awaiting_identity' | 'awaiting_clarification') => [
    { from: at('2026-02-05T10:00:00Z'), to: at('2026-02-15T10:00:00Z'), reason },
  ];
  const due = (jurisdiction: 'EU' | 'UK', requestType: 'access' | 'deletion', reason: Parameters<typeof tenDays>[0]) =>
    computeDeadline({ jurisdiction, requestType, receivedAt, pauses: tenDays(reason) });

  it('GDPR Art. 12(3): a clarification pause leaves the EU due date where it was, and says why', () => {
    const result = due('EU', 'access', 'awaiting_clarification');
    expect(result.pausedDays).toBe(0);
    expect(result.dueAt).toEqual(computeDeadline({ jurisdiction: 'EU', requestType: 'access', receivedAt }).dueAt);
    expect(result.explanation).toContain(
      'clock pauses ignored: waiting for a clarification does not stop the clock of access requests in EU',
    );
  });

  it('EDPB Guidelines 01/2022: an identity pause moves the EU due date by the days paused', () => {
    expect(due('EU', 'access', 'awaiting_identity').pausedDays).toBe(10);
  });

  it('UK GDPR Art. 12A: a clarification pause counts for access and not for deletion', () => {
    expect(due('UK', 'access', 'awaiting_clarification').pausedDays).toBe(10);
    expect(due('UK', 'deletion', 'awaiting_clarification').pausedDays).toBe(0);
    expect(due('UK', 'deletion', 'awaiting_identity').pausedDays).toBe(10);
  });
});
