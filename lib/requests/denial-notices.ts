/**
 * The reasons staff choose from when denying, and the notices a refusal carries (rights-law.md §4
 * Denials; the per-regime, per-reason table is notice-rules.ts).
 */
import type { ResolvedRule } from '../deadlines';
import type { Period } from '../deadlines/schemas';
import type { Jurisdiction } from '../universal/codes';
import { type Phrase, phrase } from '../universal/i18n/phrase';
import { denialNoticePhrases, type NoticeContext } from './notice-rules';

/** The parts of a request's rule its notices read: the appeal step and the authority to name. */
export type NoticeRule = Pick<ResolvedRule, 'appealWindowDays' | 'appealDecision' | 'appealExtension' | 'authority'>;

/** What the notice table reads of the rule: whether there is an appeal, its window, its decision time, the authority. */
export function noticeRuleContext(
  rule: NoticeRule,
): Pick<NoticeContext, 'appealDays' | 'appealDecision' | 'authority'> {
  const decision =
    rule.appealDecision &&
    (rule.appealExtension
      ? phrase('legal.appealDecisionExtended', {
          period: periodPhrase(rule.appealDecision),
          extension: periodPhrase(rule.appealExtension),
        })
      : phrase('legal.appealDecision', { period: periodPhrase(rule.appealDecision) }));
  return {
    // The table reads a null window as "no appeal step"; a law with an appeal and no window is not in the rules today.
    appealDays: rule.appealDecision ? rule.appealWindowDays : null,
    appealDecision: decision || null,
    authority: rule.authority,
  };
}

export const DENIAL_REASONS = {
  cannot_verify: 'we could not verify your identity',
  manifestly_unfounded: 'the request is manifestly unfounded or excessive',
  exempt: 'the information is exempt from this right',
  not_covered: 'the request is not covered by the law of where you live',
  duplicate: 'it repeats a request we are already handling or have answered',
  other: 'another reason, explained above',
  agent_not_authorized:
    'the person acting for you could not show that you authorized them, or you told us you did not (CCPA regs §7063(a))',
} as const;

export type DenialReason = keyof typeof DENIAL_REASONS;

/** The reason as the requester reads it, in their language ("Reason: …"); staff read DENIAL_REASONS. */
export const denialReasonPhrase = (reason: DenialReason): Phrase => phrase(`legal.reason.${reason}`);

/**
 * The regime's notices for a denial, from the per-reason table in notice-rules.ts. Kept as the one
 * entry point the closing paths share.
 */
export function denialNotices(ctx: NoticeContext): Phrase[] {
  return denialNoticePhrases(ctx);
}

/** "60 days", "10 business days", "2 months", in the reader's language. */
const periodPhrase = (period: Period): Phrase => phrase('legal.period', { amount: period.amount, unit: period.unit });

/**
 * What the closing email of a request whose email address was never confirmed tells the requester
 * (rights-law.md §2 and §4): the regime's notices for a denial because we could not verify, where
 * nothing at all was verified. California's differ from a denial after verification: §7024(a) treats
 * a request for specific pieces that cannot be verified as one for categories, and §7024(b) lets a
 * request for categories that cannot be verified be denied with a pointer to the privacy policy;
 * §7022(a) the same for deletion, without the pointer. The sentences speak only of the parts that
 * needed verification, since a request may also hold parts the law lets us act on without it.
 */
export function couldNotVerifyNotices(
  jurisdiction: Jurisdiction,
  contacts: { contactEmail: string; privacyPolicyUrl: string },
  rule: NoticeRule,
): Phrase[] {
  if (jurisdiction === 'US-CA')
    return [
      phrase('legal.ca.notVerified'),
      phrase('legal.ca.privacyPolicyInstead', { url: contacts.privacyPolicyUrl }),
      phrase('legal.ca.newRequest', { contactEmail: contacts.contactEmail }),
    ];
  return denialNotices({
    jurisdiction,
    reason: 'cannot_verify',
    partial: false,
    types: [],
    ...noticeRuleContext(rule),
    contactEmail: contacts.contactEmail,
    privacyPolicyUrl: contacts.privacyPolicyUrl,
  });
}
