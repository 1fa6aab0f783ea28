/**
 * What a refusal must tell the requester, per regime (rights-law.md §4 Denials). Data, like the
 * deadline rules: a lawyer can read and change it without reading code.
 */
import type { ResolvedRule } from '../deadlines';
import type { Period } from '../deadlines/schemas';
import type { Jurisdiction } from '../universal/codes';
import { quebecDenialNotices } from '../email/quebec-notices';

/** The parts of a request's rule its notices read: the appeal step and the authority to name. */
export type NoticeRule = Pick<ResolvedRule, 'appealWindowDays' | 'appealDecision' | 'appealExtension' | 'authority'>;

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

const GDPR = [
  'You have the right to lodge a complaint with a data protection supervisory authority, in particular in the member state where you live or work, and to seek a judicial remedy before a court (GDPR Art. 12(4), 77 and 79).',
];

export function denialNotices(jurisdiction: Jurisdiction, contactEmail: string, rule: NoticeRule): string[] {
  switch (jurisdiction) {
    case 'EU':
      return GDPR;
    case 'UK':
      return [
        `You can complain to us first at ${contactEmail}. You also have the right to complain to the Information Commissioner's Office (ico.org.uk) and to seek to enforce your rights through the courts (UK GDPR Art. 12(4)).`,
      ];
    case 'US-CA':
      return [
        'Where we could not verify your identity, we have treated your request as far as the law allows without verification, and disclosed nothing we could not verify (CCPA regs §7022, §7024).',
      ];
    case 'CA':
      return [
        'You have the right to complain to the Office of the Privacy Commissioner of Canada (priv.gc.ca) about this refusal (PIPEDA s.8(7)).',
      ];
    case 'CA-QC':
      return quebecDenialNotices(contactEmail).map((notice) => notice.text);
    case 'BR':
      return ['You may petition the National Data Protection Authority (ANPD) about this answer (LGPD Art. 18 §1).'];
    case 'OTHER':
      return [`If you disagree with this decision, write to ${contactEmail}.`];
    default:
      return usStateNotices(contactEmail, rule);
  }
}

/**
 * A US state: where its law has an appeal step, how to appeal, by when we decide, and the Attorney
 * General to contact after a refused appeal (e.g. Va. Code §59.1-577(B)(2), (C)); else where to write.
 */
function usStateNotices(contactEmail: string, rule: NoticeRule): string[] {
  const authority = rule.authority && `${rule.authority.name}${rule.authority.url ? ` (${rule.authority.url})` : ''}`;
  if (!rule.appealDecision)
    return [
      `If you disagree with this decision, write to ${contactEmail}.${authority ? ` You may also contact ${authority}.` : ''}`,
    ];
  const within = rule.appealWindowDays ? ` within ${rule.appealWindowDays} days` : '';
  const extension = rule.appealExtension
    ? `, or, where necessary, within ${describeDays(rule.appealExtension)} more, telling you why within the first ${describeDays(rule.appealDecision)}`
    : '';
  return [
    `You can appeal this decision${within}: write to ${contactEmail} with the subject "Appeal" and your request reference, or use the appeal option on your request's status page. We will decide the appeal within ${describeDays(rule.appealDecision)} of receiving it${extension}, and tell you the outcome and the reasons.`,
    ...(authority ? [`If your appeal is denied, you can contact ${authority} to submit a complaint.`] : []),
  ];
}

function describeDays(period: Period): string {
  return `${period.amount} ${period.unit === 'businessDays' ? 'business days' : period.unit === 'months' ? 'months' : 'days'}`;
}

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
): string[] {
  if (jurisdiction === 'US-CA')
    return [
      'Because we could not verify your identity, we have not disclosed, deleted or corrected any personal information for the parts of your request that needed verification (CCPA regulations §7022(a), §7024(a)-(b)).',
      `The law lets us treat a request for specific pieces of information that we cannot verify as a request for the categories of information we hold, where we can verify you to that lower degree. As we could not verify you at all, we direct you instead to our privacy policy, which describes the categories of personal information we collect, use and disclose: ${contacts.privacyPolicyUrl}.`,
      `You can make a new request at any time. If you have questions, write to ${contacts.contactEmail}.`,
    ];
  return denialNotices(jurisdiction, contacts.contactEmail, rule);
}
