import { describe, expect, it } from 'vitest';
import { ruleMatches } from './rule-matches';

const anything = { requestTypes: [], jurisdictions: [], channels: [], locales: [] };
const request = { types: ['access', 'deletion'], jurisdiction: 'US-CA', channel: 'web' };

describe('ruleMatches', () => {
  it('matches anything when every list is empty', () => {
    expect(ruleMatches(anything, request)).toBe(true);
  });

  it('needs every condition, and any value of each list', () => {
    expect(ruleMatches({ ...anything, requestTypes: ['deletion', 'export'] }, request)).toBe(true);
    expect(ruleMatches({ ...anything, requestTypes: ['export'] }, request)).toBe(false);
    expect(ruleMatches({ ...anything, jurisdictions: ['EU', 'US-CA'], channels: ['web'] }, request)).toBe(true);
    expect(ruleMatches({ ...anything, jurisdictions: ['US-CA'], channels: ['api'] }, request)).toBe(false);
    expect(ruleMatches({ ...anything, channels: ['drp'] }, { ...request, channel: 'drp' })).toBe(true);
  });

  it('evaluates languages only for a request that carries a locale', () => {
    const french = { ...anything, locales: ['fr'] };
    expect(ruleMatches(french, request)).toBe(true);
    expect(ruleMatches(french, { ...request, locale: 'fr-CA' })).toBe(true);
    expect(ruleMatches(french, { ...request, locale: 'FR' })).toBe(true);
    expect(ruleMatches(french, { ...request, locale: 'en' })).toBe(false);
    expect(ruleMatches(french, { ...request, locale: null })).toBe(false);
    expect(ruleMatches({ ...anything, locales: ['fr-ca'] }, { ...request, locale: 'fr-FR' })).toBe(false);
  });

  it('matches a tag condition on any of its tags, never an untagged request', () => {
    const vip = { ...anything, tags: ['vip', 'press'] };
    expect(ruleMatches(vip, { ...request, tags: ['press'] })).toBe(true);
    expect(ruleMatches(vip, { ...request, tags: ['other', 'vip'] })).toBe(true);
    expect(ruleMatches(vip, { ...request, tags: ['other'] })).toBe(false);
    expect(ruleMatches(vip, { ...request, tags: [] })).toBe(false);
    expect(ruleMatches(vip, request)).toBe(false);
    expect(ruleMatches({ ...anything, tags: [] }, { ...request, tags: ['vip'] })).toBe(true);
    expect(ruleMatches({ ...vip, channels: ['api'] }, { ...request, tags: ['vip'] })).toBe(false);
  });
});
