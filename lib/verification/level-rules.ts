/**
 * The verification each right needs, per regime, as data: like the deadline rules, a lawyer can read
 * and change a row without reading code. Every row names its source; [P] primary text, [S] a
 * secondary summary of it (docs/rights-law.md §2 "Verifying identity").
 *
 * `beforeWork`: the level a request must reach before staff start work on it (tasks look for,
 * change or erase data). `beforeDisclosure`: before the data package is released to the requester.
 * The most specific row wins: regime and type, then regime and any type, then any regime and type.
 */
import type { Jurisdiction, RequestType } from '../universal/codes';
import type { MessageKey } from '../universal/i18n/translator';
import { highestLevel, type VerificationLevel } from './levels';

export type VerificationRule = {
  jurisdiction: Jurisdiction | '*';
  type: RequestType | '*';
  beforeWork: VerificationLevel;
  beforeDisclosure: VerificationLevel;
  /** Why, in a sentence staff can repeat to a requester. */
  reason: string;
  source: string;
  /** Told to the requester when the request is answered while its data is held back for want of proof (its catalog key). */
  heldBackNotice?: MessageKey;
  /**
   * The level needed to answer with the categories when the data is held back: below it the
   * requester is told that not even the categories can be given, and pointed to the privacy policy.
   */
  categoriesLevel?: VerificationLevel;
};

/** "…answered as a request for the categories of information we hold (CCPA regulations §7024(a))". */
const CATEGORIES_INSTEAD: MessageKey = 'legal.heldBack.categoriesInstead';

/** Told instead of CATEGORIES_INSTEAD below a row's `categoriesLevel`, with the privacy policy's address. */
export const CATEGORIES_WITHHELD: MessageKey = 'legal.heldBack.categoriesWithheld';

export const VERIFICATION_RULES: readonly VerificationRule[] = [
  {
    jurisdiction: 'US-CA',
    type: 'access',
    beforeWork: 'email',
    beforeDisclosure: 'high',
    reason:
      'Specific pieces of personal information are disclosed only at a reasonably high degree of certainty: three data points and a signed declaration, or the account’s own sign-in. Below it, the request is answered as one for categories, and the categories only at a reasonable degree (two data points).',
    source: '11 CCR §7062(c), §7061(a), §7024(a) [S]; categories §7062(b), §7024(b) [P]; docs/rights-law.md §2',
    heldBackNotice: CATEGORIES_INSTEAD,
    categoriesLevel: 'reasonable',
  },
  {
    jurisdiction: 'US-CA',
    type: 'export',
    beforeWork: 'email',
    beforeDisclosure: 'high',
    reason: 'A portable copy discloses specific pieces of personal information: as for access.',
    source: '11 CCR §7062(c); Civ. Code §1798.130(a)(2)(B) [S]; categories §7062(b), §7024(b) [P]',
    heldBackNotice: CATEGORIES_INSTEAD,
    categoriesLevel: 'reasonable',
  },
  {
    jurisdiction: 'US-CA',
    type: 'deletion',
    beforeWork: 'reasonable',
    beforeDisclosure: 'reasonable',
    reason:
      'Data is erased only at a reasonable degree of certainty (two data points) or through the account’s sign-in.',
    source: '11 CCR §7062(d), §7061(a) [S]',
  },
  {
    jurisdiction: 'US-CA',
    type: 'correction',
    beforeWork: 'reasonable',
    beforeDisclosure: 'reasonable',
    reason:
      'Data is changed only at a reasonable degree of certainty, verified with data other than the data to be corrected.',
    source: '11 CCR §7060(h), §7062(d) [S]',
  },
  {
    jurisdiction: 'US-CA',
    type: 'limit_sensitive',
    beforeWork: 'none',
    beforeDisclosure: 'none',
    reason: 'A request to limit the use of sensitive personal information is not a verifiable consumer request.',
    source: '11 CCR §7027(e), §7060(b) [P]',
  },
  {
    jurisdiction: 'US-CA',
    type: 'opt_out_sale',
    beforeWork: 'none',
    beforeDisclosure: 'none',
    reason: 'An opt-out of sale or sharing must not require verification.',
    source: '11 CCR §7026(d), §7060(b) [S]',
  },
  {
    jurisdiction: 'US-VA',
    type: 'opt_out_sale',
    beforeWork: 'none',
    beforeDisclosure: 'none',
    reason: 'An opt-out is honored without authentication beyond what the request itself needs.',
    source: 'Va. Code §59.1-577(B) [S]',
  },
  {
    jurisdiction: 'US-CO',
    type: 'opt_out_sale',
    beforeWork: 'none',
    beforeDisclosure: 'none',
    reason: 'An opt-out needs no authentication.',
    source: 'C.R.S. 6-1-1306(1)(a)(III) [S]',
  },
  {
    jurisdiction: '*',
    type: 'opt_out_sale',
    beforeWork: 'none',
    beforeDisclosure: 'none',
    reason: 'An opt-out of sale or sharing is honored without verification, as the state laws that give it require.',
    source: '11 CCR §7026(d) [S]; Va. Code §59.1-577(B) [S]; Bitstride policy for other states',
  },
  {
    jurisdiction: '*',
    type: 'limit_sensitive',
    beforeWork: 'none',
    beforeDisclosure: 'none',
    reason: 'A request to limit is not a verifiable consumer request.',
    source: '11 CCR §7027(e) [P]',
  },
  {
    jurisdiction: '*',
    type: 'unsubscribe',
    beforeWork: 'none',
    beforeDisclosure: 'none',
    reason: 'Unsubscribing from marketing is honored without condition.',
    source: '15 U.S.C. §7704(a)(4) [P]; CASL s.11(3) [S]; GDPR Art. 21(2)-(3) [P]',
  },
  {
    jurisdiction: '*',
    type: 'objection',
    beforeWork: 'none',
    beforeDisclosure: 'none',
    reason:
      'An objection stops the processing unless we show compelling grounds; it acts only on the address’s own records, so it is honored at receipt, without proof of identity.',
    source: 'GDPR Art. 21(1), 12(2), 12(6) [P]; Bitstride policy elsewhere',
  },
  {
    jurisdiction: 'EU',
    type: '*',
    beforeWork: 'email',
    beforeDisclosure: 'email',
    reason:
      'Reasonable and proportionate: control of the account’s email address or its sign-in. Staff may ask for more only with reasonable doubts about identity.',
    source: 'GDPR Art. 12(2), 12(6), Recital 64 [P]; EDPB Guidelines 01/2022 ¶64-77 [P]',
  },
  {
    jurisdiction: 'UK',
    type: '*',
    beforeWork: 'email',
    beforeDisclosure: 'email',
    reason:
      'Reasonable and proportionate: control of the account’s email address or its sign-in. Staff may ask for more only with reasonable doubts about identity.',
    source: 'UK GDPR Art. 12(2), 12(6) [P]; ICO guidance on the right of access, "identity" [S]',
  },
  {
    jurisdiction: '*',
    type: '*',
    beforeWork: 'email',
    beforeDisclosure: 'email',
    reason: 'Commercially reasonable authentication: control of the email address the account uses.',
    source:
      'Va. Code §59.1-577(B)(4), C.R.S. 6-1-1306(2), Conn. §42-518(c)(4) [S]; PIPEDA Sch. 1 4.9 [S]; LGPD Art. 18 [S]; portal policy for other places',
  },
];

const rulesFound = new Map<string, VerificationRule>();

/** The row for a regime and type, looked up once per pair: lists ask for every row they show. */
function ruleFor(jurisdiction: Jurisdiction, type: RequestType): VerificationRule {
  const key = `${jurisdiction}|${type}`;
  let rule = rulesFound.get(key);
  if (!rule) {
    rule = findRule(jurisdiction, type);
    rulesFound.set(key, rule);
  }
  return rule;
}

function findRule(jurisdiction: Jurisdiction, type: RequestType): VerificationRule {
  const candidates = [
    (r: VerificationRule) => r.jurisdiction === jurisdiction && r.type === type,
    (r: VerificationRule) => r.jurisdiction === '*' && r.type === type,
    (r: VerificationRule) => r.jurisdiction === jurisdiction && r.type === '*',
    (r: VerificationRule) => r.jurisdiction === '*' && r.type === '*',
  ];
  for (const matches of candidates) {
    const rule = VERIFICATION_RULES.find(matches);
    if (rule) return rule;
  }
  throw new Error('VERIFICATION_RULES needs a row for every regime and type');
}

export type RequiredVerification = {
  beforeWork: VerificationLevel;
  beforeDisclosure: VerificationLevel;
  /** The rows that apply, one per type of the request. */
  rules: (VerificationRule & { appliesTo: RequestType })[];
};

/**
 * What a request needs: the strictest level among its types. `override` is a level staff asked
 * for with reasonable doubts about the requester's identity (GDPR Art. 12(6)); it only raises.
 */
export function requiredVerification(request: {
  jurisdiction: string;
  types: readonly RequestType[];
  verificationRequired?: VerificationLevel | null;
}): RequiredVerification {
  const rules = request.types.map((type) => ({
    ...ruleFor(request.jurisdiction as Jurisdiction, type),
    appliesTo: type,
  }));
  const override = request.verificationRequired ?? 'none';
  return {
    beforeWork: highestLevel([...rules.map((r) => r.beforeWork), override]),
    beforeDisclosure: highestLevel([
      ...rules.map((r) => r.beforeDisclosure),
      ...rules.map((r) => r.beforeWork),
      override,
    ]),
    rules,
  };
}
