import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, resolveRule } from '../deadlines';
import { US_STATE_JURISDICTIONS, US_STATES, type Jurisdiction } from '../universal/codes';
import { sayEach } from '../i18n/say-phrases';
import { denialNotices, noticeRuleContext } from './denial-notices';

const CONTACT = 'privacy@bitstride.example';
/** The notices as an English reader gets them (Quebec's French first). */
const denial = (jurisdiction: Jurisdiction, receivedAt = new Date('2026-12-02T15:00:00Z')) =>
  sayEach(
    'en',
    denialNotices({
      jurisdiction,
      reason: 'other',
      partial: false,
      types: ['deletion'],
      contactEmail: CONTACT,
      privacyPolicyUrl: 'https://bitstride.example/privacy',
      ...noticeRuleContext(resolveRule(DEFAULT_RULES, jurisdiction, 'deletion', receivedAt)),
    }),
  ).map((n) => n.text);
const notices = (jurisdiction: Jurisdiction, receivedAt?: Date) => denial(jurisdiction, receivedAt).join('\n');

describe('denial notices per regime', () => {
  it.each(US_STATE_JURISDICTIONS.filter((s) => s !== 'US-CA'))('%s names its own Attorney General', (state) => {
    expect(notices(state)).toContain(`the ${US_STATES[state]} Attorney General`);
  });

  it('Va. Code §59.1-577(B)(2), (C): how to appeal, within 60 days, decided in 60, then the Attorney General', () => {
    expect(notices('US-VA')).toMatch(
      /appeal this decision within 60 days[\s\S]*within 60 days of receiving it, and tell you[\s\S]*Virginia Attorney General \(https:\/\/www\.oag\.state\.va\.us\/consumercomplaintform\)/,
    );
  });

  it('C.R.S. 6-1-1306(3)(b): Colorado says 45 days, or 60 more with reasons given within the 45', () => {
    expect(notices('US-CO')).toMatch(/within 45 days of receiving it, or, where necessary, within 60 days more/);
  });

  it('Utah Code §13-61-203: no appeal step, so no appeal is offered; the Attorney General is named', () => {
    expect(notices('US-UT')).not.toMatch(/appeal/i);
    expect(notices('US-UT')).toContain('the Utah Attorney General');
  });

  it('a request received before the state law took effect (Ind. Code 24-15, 1 Jan 2026) is offered no appeal', () => {
    expect(notices('US-IN', new Date('2025-12-30T15:00:00Z'))).not.toMatch(/appeal/i);
  });

  it('US-OTHER: no appeal, the Attorney General of the state named generically', () => {
    expect(notices('US-OTHER')).not.toMatch(/appeal/i);
    expect(notices('US-OTHER')).toContain('you can contact the Attorney General of your state to submit a complaint');
    expect(notices('US-OTHER')).toContain(CONTACT);
  });

  it("P-39.1 s.34: Quebec's refusal is in French first, with the recourse to the Commission d'accès à l'information", () => {
    const [french, english] = denial('CA-QC');
    expect(french).toMatch(/^Nous refusons votre demande/);
    expect(french).toMatch(
      /dans les 30 jours qui suivent ce refus[\s\S]*Commission d[’']accès à l[’']information du Québec/,
    );
    expect(english).toMatch(/Within 30 days of this refusal/);
  });
});
