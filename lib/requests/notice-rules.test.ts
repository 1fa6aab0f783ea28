/**
 * Every jurisdiction × denial reason, whole and partial, for an access and a deletion request,
 * rendered through the real decision email: each element notice-rules.ts requires for the pair is
 * found in the text the requester reads. Iterates JURISDICTIONS, so a jurisdiction added there is
 * checked without touching this file.
 */
import { describe, expect, it } from 'vitest';
import { previewBrand } from '../../emails/layout';
import { getRules, resolveRule } from '../deadlines';
import { renderEmail } from '../email/enqueue-email';
import { JURISDICTIONS, type Jurisdiction, type RequestType } from '../universal/codes';
import { phrase } from '../universal/i18n/phrase';
import {
  DENIAL_REASONS,
  denialNotices,
  denialReasonPhrase,
  noticeRuleContext,
  type DenialReason,
} from './denial-notices';
import {
  ALL_REASONS,
  NOTICE_ELEMENT_MUST_SAY,
  NOTICE_RULES,
  type NoticeContext,
  noticeFamily,
  requiredDenialInputs,
  requiredNoticeElements,
} from './notice-rules';

const REASONS = Object.keys(DENIAL_REASONS) as DenialReason[];
const TYPES: RequestType[][] = [['access'], ['deletion']];

function contextFor(jurisdiction: Jurisdiction, reason: DenialReason, partial: boolean, types: RequestType[]) {
  const rule = noticeRuleContext(resolveRule(getRules(), jurisdiction, types[0]));
  return {
    jurisdiction,
    reason,
    partial,
    types,
    ...rule,
    contactEmail: previewBrand.contactEmail,
    privacyPolicyUrl: previewBrand.privacyPolicyUrl,
    basis: 'Cal. Civ. Code §1798.105(d)(8), a legal obligation to keep invoices',
    fulfilled: 'We deleted your usage history and closed your account.',
  } satisfies NoticeContext;
}

async function renderDenial(ctx: NoticeContext, notices = denialNotices(ctx)) {
  const { text } = await renderEmail('request-decided', {
    brand: previewBrand,
    reference: 'BR-2026-000123',
    outcome: ctx.partial ? 'partially_denied' : 'denied',
    reasonLabel: denialReasonPhrase(ctx.reason),
    message: 'Our decision on your request.',
    notices,
    statusUrl: 'http://localhost:3000/status/abc?token=example',
  });
  return text.replace(/\s+/g, ' ');
}

function missing(text: string, ctx: NoticeContext) {
  return requiredNoticeElements(ctx).filter((e) => {
    const must = NOTICE_ELEMENT_MUST_SAY[e](ctx);
    return typeof must === 'string' ? !text.includes(must) : !must.test(text);
  });
}

const CASES = JURISDICTIONS.flatMap((j) =>
  REASONS.flatMap((reason) =>
    [false, true].flatMap((partial) => TYPES.map((types) => ({ j, reason, partial, types: types.join('+') }))),
  ),
);

describe('denial notices per regime and reason (notice-rules.ts)', () => {
  it.each(CASES)('$j, $reason, partial $partial, $types: every required element is in the email', async (c) => {
    const ctx = contextFor(c.j, c.reason, c.partial, c.types.split('+') as RequestType[]);
    expect(requiredNoticeElements(ctx).length).toBeGreaterThan(0);
    expect(missing(await renderDenial(ctx), ctx)).toEqual([]);
  });

  it('the check fails when a required sentence is dropped (GDPR Art. 12(4): the judicial remedy)', async () => {
    const ctx = contextFor('EU', 'exempt', false, ['access']);
    const withoutCourts = denialNotices(ctx).filter((n) => n.key !== 'legal.judicialRemedy');
    expect(missing(await renderDenial(ctx, withoutCourts), ctx)).toEqual(['judicial_remedy']);
  });

  it('GDPR and UK GDPR Art. 12(4): every refusal names the supervisory authority and the courts', () => {
    for (const j of ['EU', 'UK'] as const)
      for (const reason of REASONS)
        expect(requiredNoticeElements(contextFor(j, reason, false, ['access']))).toEqual(
          expect.arrayContaining(['reason', 'supervisory_complaint', 'judicial_remedy']),
        );
  });

  it('11 CCR §7022(f): a California deletion refused under an exemption gives the basis, what was deleted, and the use of what is kept', () => {
    const ctx = contextFor('US-CA', 'exempt', false, ['deletion']);
    expect(requiredNoticeElements(ctx)).toEqual(
      expect.arrayContaining(['basis', 'fulfilled', 'kept_only_for_exception']),
    );
    expect(requiredDenialInputs(ctx)).toEqual({ basis: true, fulfilled: true });
    // A request to know refused under an exemption names the basis, not a deletion (§7024).
    const access = contextFor('US-CA', 'exempt', false, ['access']);
    expect(requiredNoticeElements(access)).not.toContain('kept_only_for_exception');
    expect(requiredDenialInputs(access)).toEqual({ basis: true, fulfilled: false });
  });

  it('11 CCR §7022(a), §7024(a)-(b): California "could not verify" says so and points to the privacy policy', () => {
    expect(requiredNoticeElements(contextFor('US-CA', 'cannot_verify', false, ['access']))).toEqual(
      expect.arrayContaining(['not_verified', 'privacy_policy']),
    );
    // …and only then: an exemption is not a failed verification.
    expect(requiredNoticeElements(contextFor('US-CA', 'exempt', false, ['access']))).not.toContain('not_verified');
  });

  it('Va. Code §59.1-577(B)(2), (C): a state with an appeal gives it and names its Attorney General', async () => {
    const ctx = contextFor('US-VA', 'other', false, ['access']);
    expect(requiredNoticeElements(ctx)).toEqual(expect.arrayContaining(['appeal', 'attorney_general']));
    expect(await renderDenial(ctx)).toMatch(/appeal this decision within 60 days.*Virginia Attorney General/);
  });

  it('a state whose rule names its authority and decision period gives them', async () => {
    const ctx = {
      ...contextFor('US-CO', 'other', false, ['access']),
      authority: { name: 'Colorado Department of Law', url: 'https://coag.gov/file-complaint/' },
      appealDecision: phrase('legal.appealDecision', {
        period: phrase('legal.period', { amount: 45, unit: 'calendarDays' }),
      }),
    };
    const text = await renderDenial(ctx);
    expect(missing(text, ctx)).toEqual([]);
    expect(text).toContain('Colorado Department of Law (https://coag.gov/file-complaint/)');
    expect(text).toContain('decide the appeal within 45 days of receiving it');
  });

  it('every partial denial says what was done, in every regime', () => {
    for (const j of JURISDICTIONS)
      expect(requiredNoticeElements(contextFor(j, 'other', true, ['access'])), j).toContain('fulfilled');
  });

  it('every jurisdiction belongs to a family with rows, and every row has a source', () => {
    expect([...ALL_REASONS].sort()).toEqual(Object.keys(DENIAL_REASONS).sort());
    for (const j of JURISDICTIONS)
      expect(
        NOTICE_RULES.some((r) => r.families.includes(noticeFamily(j))),
        j,
      ).toBe(true);
    for (const rule of NOTICE_RULES) expect(rule.source).toMatch(/\[(P|S|policy)\]/);
  });
});
