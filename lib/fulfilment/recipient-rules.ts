/**
 * Which regimes require the recipients of the data to be told when a request changes it, for which
 * request types and which kind of recipient, and whether staff may record that telling one is
 * impossible or would take disproportionate effort. Rules as data, one source per row
 * (docs/rights-law.md "Telling the recipients"). A regime without a row tells nobody: its law asks
 * nothing of the kind (or the policy has not said so yet).
 */
import type { RequestType } from '../universal/codes';

export type RecipientRole = 'processor' | 'third_party';

export const RECIPIENT_ROLE_LABELS: Record<RecipientRole, string> = {
  processor: 'Service provider processing for us',
  third_party: 'Third party',
};

/** Why a notify_recipient task was closed without telling the recipient. */
export const NOT_TOLD_REASONS = ['not_disclosed', 'impossible', 'disproportionate'] as const;
export type NotToldReason = (typeof NOT_TOLD_REASONS)[number];

export const NOT_TOLD_LABELS: Record<NotToldReason, string> = {
  not_disclosed: 'Not told: this person’s data was never disclosed to it',
  impossible: 'Not told: telling it proved impossible',
  disproportionate: 'Not told: telling it would involve disproportionate effort',
};

export type RecipientRule = {
  jurisdiction: string;
  types: readonly RequestType[];
  roles: readonly RecipientRole[];
  /** The law lets the controller skip a recipient where telling it is impossible or disproportionate. */
  exceptionAllowed: boolean;
  /** Skipping one must be explained to the requester in enough detail to understand why (CCPA §7022(b)(3)). */
  explainToRequester: boolean;
  source: string;
};

const CHANGES: readonly RequestType[] = ['correction', 'deletion', 'restriction'];
const ALL_ROLES: readonly RecipientRole[] = ['processor', 'third_party'];

export const RECIPIENT_RULES: readonly RecipientRule[] = [
  {
    jurisdiction: 'EU',
    types: CHANGES,
    roles: ALL_ROLES,
    exceptionAllowed: true,
    explainToRequester: false,
    source:
      'GDPR Art. 19: rectification, erasure (Art. 17(1)) or restriction communicated to each recipient, unless impossible or disproportionate; the data subject is told who they are on request [S]',
  },
  {
    jurisdiction: 'UK',
    types: CHANGES,
    roles: ALL_ROLES,
    exceptionAllowed: true,
    explainToRequester: false,
    source: 'UK GDPR Art. 19 (same text as the GDPR, retained) [S]',
  },
  {
    jurisdiction: 'BR',
    types: CHANGES,
    roles: ALL_ROLES,
    exceptionAllowed: true,
    explainToRequester: false,
    source:
      'LGPD Art. 18 §6: agents with whom data was shared are told at once of correction, elimination, anonymisation or blocking, unless provably impossible or disproportionate [S]',
  },
  {
    jurisdiction: 'US-CA',
    types: ['deletion'],
    roles: ['processor'],
    exceptionAllowed: false,
    explainToRequester: false,
    source:
      'CCPA regs §7022(b)(2); Civ. Code §1798.105(c)(1): service providers and contractors are told to delete, without exception [S]',
  },
  {
    jurisdiction: 'US-CA',
    types: ['deletion'],
    roles: ['third_party'],
    exceptionAllowed: true,
    explainToRequester: true,
    source:
      'CCPA regs §7022(b)(3): third parties the data was sold or shared to are told, unless impossible or disproportionate, which the consumer is given a detailed explanation of [S]',
  },
  {
    jurisdiction: 'US-CA',
    types: ['correction'],
    roles: ['processor'],
    exceptionAllowed: false,
    explainToRequester: false,
    source: 'CCPA regs §7023(c): service providers and contractors are instructed to correct [S]',
  },
];

/** The rule that makes a request of these types tell a recipient of this role, or null when none does. */
export function recipientRuleFor(
  jurisdiction: string,
  types: readonly RequestType[],
  role: RecipientRole,
): RecipientRule | null {
  return (
    RECIPIENT_RULES.find(
      (r) => r.jurisdiction === jurisdiction && r.roles.includes(role) && r.types.some((t) => types.includes(t)),
    ) ?? null
  );
}

/** The request types whose completion at our end tells the recipients, in this regime. */
export function typesThatTellRecipients(jurisdiction: string): RequestType[] {
  return [...new Set(RECIPIENT_RULES.filter((r) => r.jurisdiction === jurisdiction).flatMap((r) => r.types))];
}
