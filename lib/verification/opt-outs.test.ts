import { describe, expect, it } from 'vitest';
import { JURISDICTIONS, REQUEST_TYPES } from '../universal/codes';
import {
  ACTED_AT_RECEIPT_WORDING,
  actedAtReceiptEffects,
  actedAtReceiptHonored,
  actedAtReceiptNoun,
} from '../universal/opt-out-wording';
import { requiredVerification } from './level-rules';
import { isOptOutOnly, OPT_OUTS, optOutTypes } from './opt-outs';

describe('opt-outs', () => {
  it('are request types, each once, each with its primary source', () => {
    for (const rule of OPT_OUTS) {
      expect(REQUEST_TYPES).toContain(rule.type);
      expect(rule.sources.length).toBeGreaterThan(0);
    }
    expect(new Set(OPT_OUTS.map((r) => r.type)).size).toBe(OPT_OUTS.length);
    expect(OPT_OUTS.flatMap((r) => r.sources).join(' ')).toMatch(
      /§7704\(a\)\(4\).*Art\. 21\(3\).*§7026\(d\).*§7060\(b\).*§7027\(e\).*Art\. 21\(1\)/,
    );
    expect(OPT_OUTS.map((r) => r.type)).toEqual(['unsubscribe', 'opt_out_sale', 'limit_sensitive', 'objection']);
  });

  it('a request of opt-outs only needs no verification; one that asks for more does', () => {
    expect(isOptOutOnly(['unsubscribe', 'opt_out_sale'])).toBe(true);
    expect(isOptOutOnly(['objection'])).toBe(true);
    expect(isOptOutOnly(['access', 'unsubscribe'])).toBe(false);
    expect(isOptOutOnly(['access'])).toBe(false);
    expect(isOptOutOnly(['restriction'])).toBe(false);
    expect(isOptOutOnly([])).toBe(false);
    expect(optOutTypes(['access', 'limit_sensitive', 'deletion'])).toEqual(['limit_sensitive']);
  });

  it('agree with the verification rules: an opt-out needs no level in any regime', () => {
    for (const jurisdiction of JURISDICTIONS)
      for (const type of REQUEST_TYPES) {
        const required = requiredVerification({ jurisdiction, types: [type] });
        if (OPT_OUTS.some((rule) => rule.type === type))
          expect(required, `${jurisdiction} ${type}`).toMatchObject({ beforeWork: 'none', beforeDisclosure: 'none' });
      }
  });

  it('each have their own words for the email, the confirmation page and the status page', () => {
    for (const rule of OPT_OUTS) expect(ACTED_AT_RECEIPT_WORDING[rule.type], rule.type).toBeDefined();
    expect(actedAtReceiptNoun(['access', 'unsubscribe', 'opt_out_sale'])).toBe(
      'unsubscribe request and opt-out of sale or sharing',
    );
    expect(actedAtReceiptHonored(['limit_sensitive'])).toBe('Use of sensitive information limited');
    expect(actedAtReceiptHonored(['unsubscribe', 'objection'])).toBe('Opt-out honored');
    expect(actedAtReceiptEffects(['opt_out_sale'], { sellsOrShares: false })[0]).toMatch(
      /^we do not sell .* we have recorded your opt-out, and it applies if that ever changes$/,
    );
    expect(actedAtReceiptEffects(['opt_out_sale'], { sellsOrShares: true })[0]).toMatch(/^we stop selling/);
  });
});
