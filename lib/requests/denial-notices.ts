/**
 * What a refusal must tell the requester, per regime (rights-law.md §4 Denials). Data, like the
 * deadline rules: a lawyer can read and change it without reading code.
 */
import type { Jurisdiction } from '../universal/codes';

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

export function denialNotices(jurisdiction: Jurisdiction, contactEmail: string, appealDays: number | null): string[] {
  switch (jurisdiction) {
    case 'EU':
      return GDPR;
    case 'UK':
      return [
        `You can complain to us first at ${contactEmail}. You also have the right to complain to the Information Commissioner's Office (ico.org.uk) and to seek to enforce your rights through the courts (UK GDPR Art. 12(4)).`,
      ];
    case 'US-VA':
    case 'US-CO':
      return [
        `You can appeal this decision within ${appealDays ?? 60} days: write to ${contactEmail} with the subject "Appeal" and your request reference, or use the appeal option on your request's status page. We will decide the appeal within 60 days and tell you the outcome and the reasons.`,
        `If your appeal is denied, you can contact the ${jurisdiction === 'US-VA' ? 'Virginia' : 'Colorado'} Attorney General to submit a complaint.`,
      ];
    case 'US-CA':
      return [
        'Where we could not verify your identity, we have treated your request as far as the law allows without verification, and disclosed nothing we could not verify (CCPA regs §7022, §7024).',
      ];
    case 'CA':
      return [
        'You have the right to complain to the Office of the Privacy Commissioner of Canada (priv.gc.ca) about this refusal (PIPEDA s.8(7)).',
      ];
    case 'BR':
      return ['You may petition the National Data Protection Authority (ANPD) about this answer (LGPD Art. 18 §1).'];
    default:
      return [`If you disagree with this decision, write to ${contactEmail}.`];
  }
}
