import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REGIONAL_RIGHTS } from '@/lib/universal/regional-rights';
import { US_STATE_JURISDICTIONS } from '@/lib/universal/codes';
import { translatorFor } from '@/lib/i18n/catalogs';
import { regionalClassName, typeHint } from './request-type-choices';

describe('the form’s regional rights', () => {
  it('has a style rule showing each regional right for every regime that gives it', () => {
    const css = readFileSync('public/styles/portal.css', 'utf8');
    for (const jurisdiction of Object.keys(REGIONAL_RIGHTS))
      expect(css, jurisdiction).toContain(
        `.request-form:has(#field-jurisdiction option[value="${jurisdiction}"]:checked) .regional-right.in-${jurisdiction}`,
      );
  });

  it('offers limiting sensitive data only in California (CCPA regs §7027), opting out of sale in every US regime', () => {
    expect(regionalClassName('limit_sensitive')).toBe('regional-right in-US-CA');
    expect(regionalClassName('opt_out_sale')).toBe(
      `regional-right ${[...US_STATE_JURISDICTIONS, 'US-OTHER'].map((j) => `in-${j}`).join(' ')}`,
    );
  });

  it('says so when Bitstride neither sells nor shares, and still offers the opt-out', () => {
    expect(typeHint(translatorFor('en'), 'opt_out_sale', { companyName: 'Bitstride', sellsOrShares: false })).toMatch(
      /^Bitstride does not sell .* You can still opt out: we record it/,
    );
    expect(typeHint(translatorFor('en'), 'opt_out_sale', { companyName: 'Bitstride', sellsOrShares: true })).toMatch(
      /^Bitstride stops selling/,
    );
  });
});
