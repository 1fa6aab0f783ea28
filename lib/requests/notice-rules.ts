/**
 * What a denial must tell the requester, per regime and per reason, as data (rights-law.md §4 and
 * "Notices per reason"). Each row names the elements a (regime family, reason) pair requires and
 * its source; each element has its sentence and the words a reader must find (the test renders
 * every jurisdiction × reason through the real email and checks them). US states share one row
 * family, filled with the state's authority, so a state added to JURISDICTIONS is covered at once.
 */
import { quebecDenialNotices } from '../email/quebec-notices';
import { authorityPhrase } from '../universal/i18n/authority-names';
import { type Phrase, phrase } from '../universal/i18n/phrase';
import { JURISDICTION_LABELS, type Jurisdiction, type RequestType } from '../universal/codes';

export type NoticeFamily = 'EU' | 'UK' | 'US-CA' | 'US-state' | 'BR' | 'CA' | 'CA-QC' | 'OTHER';

export type NoticeElement =
  | 'reason'
  | 'basis'
  | 'fulfilled'
  | 'kept_only_for_exception'
  | 'not_verified'
  | 'privacy_policy'
  | 'supervisory_complaint'
  | 'judicial_remedy'
  | 'appeal'
  | 'attorney_general'
  | 'contact';

/** The denial reasons (DENIAL_REASONS' keys; listed here so the table does not import its user). */
export const ALL_REASONS = [
  'cannot_verify',
  'manifestly_unfounded',
  'exempt',
  'not_covered',
  'duplicate',
  'other',
  'agent_not_authorized',
] as const;
type DenialReason = (typeof ALL_REASONS)[number];

/** One row: in these families, for these reasons (and partial denials or these request types only, when set). */
export type NoticeRule = {
  families: readonly NoticeFamily[];
  reasons: readonly DenialReason[];
  partialOnly?: boolean;
  /** The row applies when the request holds one of these types. */
  types?: readonly RequestType[];
  /** Only where the jurisdiction's rule has an appeal (appealDays set). */
  withAppeal?: boolean;
  elements: readonly NoticeElement[];
  source: string;
};

const EVERY: readonly NoticeFamily[] = ['EU', 'UK', 'US-CA', 'US-state', 'BR', 'CA', 'CA-QC', 'OTHER'];

export const NOTICE_RULES: readonly NoticeRule[] = [
  {
    families: EVERY,
    reasons: ALL_REASONS,
    elements: ['reason', 'contact'],
    source:
      '[P] GDPR Art. 12(4) (reasons); [P] PIPEDA s.8(7); [P] LGPD Art. 18 §4; [P] Va. Code §59.1-577(B)(2) (justification); [policy] a contact everywhere',
  },
  {
    families: EVERY,
    reasons: ALL_REASONS,
    partialOnly: true,
    elements: ['fulfilled'],
    source:
      '[S] 11 CCR §7024(e)-(f) (a partial denial discloses the rest); [policy] elsewhere: say what was done so the reasons read against it',
  },
  {
    families: EVERY,
    reasons: ['exempt'],
    elements: ['basis'],
    source:
      '[S] 11 CCR §7022(f)(1) and §7024(e) (describe the basis, the exception relied on); [S] GDPR/UK GDPR Art. 12(4) reasons; [P] LGPD Art. 18 §4 II (reasons of fact or law); [P] PIPEDA s.8(7); [S] P-39.1 s.34 (the provision relied on)',
  },
  {
    families: ['US-CA'],
    reasons: ['exempt'],
    types: ['deletion'],
    elements: ['fulfilled', 'kept_only_for_exception'],
    source:
      '[S] 11 CCR §7022(f)(2) (delete what the exception does not cover) and (f)(3) (use what is kept for no other purpose)',
  },
  {
    families: ['US-CA'],
    reasons: ['cannot_verify'],
    elements: ['not_verified', 'privacy_policy'],
    source: '[P] 11 CCR §7022(a), §7024(a)-(b) (say the identity cannot be verified; point to the privacy policy)',
  },
  {
    families: ['EU', 'UK', 'BR', 'CA', 'CA-QC'],
    reasons: ALL_REASONS,
    elements: ['supervisory_complaint'],
    source:
      '[S] GDPR/UK GDPR Art. 12(4), 77; [P] LGPD Art. 18 §1; [P] PIPEDA s.8(7) (recourse under Part 1); [S] P-39.1 s.34, s.42 (the Commission)',
  },
  {
    families: ['EU', 'UK'],
    reasons: ALL_REASONS,
    elements: ['judicial_remedy'],
    source: '[S] GDPR/UK GDPR Art. 12(4), 79; [P] EDPB Guidelines 01/2022 ¶191',
  },
  {
    families: ['US-state'],
    reasons: ALL_REASONS,
    withAppeal: true,
    elements: ['appeal'],
    source: '[P] Va. Code §59.1-577(B)(2), (C); [S] C.R.S. 6-1-1306(2)-(3); [P] Conn. Gen. Stat. §42-518(c)(2)',
  },
  {
    families: ['US-state'],
    reasons: ALL_REASONS,
    elements: ['attorney_general'],
    source: '[P] Va. Code §59.1-577(C); [S] C.R.S. 6-1-1306(3)(c); [S] other state laws name the Attorney General',
  },
];

/** Everything a notice needs to be filled; staff's inputs (basis, fulfilled) come from the deny form. */
export type NoticeContext = {
  jurisdiction: Jurisdiction;
  reason: DenialReason;
  partial: boolean;
  types: readonly RequestType[];
  appealDays: number | null;
  contactEmail: string;
  privacyPolicyUrl: string;
  basis?: string | null;
  fulfilled?: string | null;
  /** The authority the jurisdiction's rule names, when it names one; else the state's Attorney General. */
  authority?: { name: string; url?: string | null } | null;
  /** How long an appeal takes to decide ("60 days of receiving it"), when the rule says. */
  appealDecision?: Phrase | null;
};

/**
 * The family a jurisdiction's notices come from. US-OTHER (a state with no privacy law of its own)
 * is a US state too: no appeal step, and its Attorney General named generically by its rule.
 */
export function noticeFamily(jurisdiction: Jurisdiction): NoticeFamily {
  const code: string = jurisdiction;
  if (code === 'US-CA') return 'US-CA';
  if (code.startsWith('US-')) return 'US-state';
  if (code === 'CA-QC') return 'CA-QC';
  if (code === 'EU' || code === 'UK' || code === 'BR' || code === 'CA') return code;
  return 'OTHER';
}

/**
 * The state's enforcer named in notices. From the jurisdiction's label, so every state added to
 * JURISDICTIONS gets its own name without another table.
 */
export function stateAttorneyGeneral(jurisdiction: Jurisdiction): string {
  const state = JURISDICTION_LABELS[jurisdiction].replace(/^United States\s*[—-]\s*/, '');
  return `${state} Attorney General`;
}

/** The enforcer a US-state notice names: the rule's authority where it has one. */
function stateAuthority(ctx: Pick<NoticeContext, 'jurisdiction' | 'authority'>) {
  return ctx.authority?.name ?? `the ${stateAttorneyGeneral(ctx.jurisdiction)}`;
}

/** The same, with its address when it has one, in the reader's words. */
function stateAuthorityPhrase(ctx: Pick<NoticeContext, 'jurisdiction' | 'authority'>): Phrase {
  return authorityPhrase({ name: stateAuthority(ctx), url: ctx.authority?.url ?? null });
}

/** The elements one denial must carry, in the order they are written. */
export function requiredNoticeElements(
  ctx: Pick<NoticeContext, 'jurisdiction' | 'reason' | 'partial' | 'types' | 'appealDays'>,
) {
  const family = noticeFamily(ctx.jurisdiction);
  const elements = new Set<NoticeElement>();
  for (const rule of NOTICE_RULES) {
    if (!rule.families.includes(family) || !rule.reasons.includes(ctx.reason)) continue;
    if (rule.partialOnly && !ctx.partial) continue;
    if (rule.types && !rule.types.some((t) => ctx.types.includes(t))) continue;
    if (rule.withAppeal && ctx.appealDays === null) continue;
    for (const e of rule.elements) elements.add(e);
  }
  return ORDER.filter((e) => elements.has(e));
}

const ORDER: NoticeElement[] = [
  'reason',
  'not_verified',
  'basis',
  'fulfilled',
  'kept_only_for_exception',
  'privacy_policy',
  'appeal',
  'attorney_general',
  'supervisory_complaint',
  'judicial_remedy',
  'contact',
];

/** The staff inputs a denial needs before it can be sent: the deny action refuses it without them. */
export function requiredDenialInputs(
  ctx: Pick<NoticeContext, 'jurisdiction' | 'reason' | 'partial' | 'types' | 'appealDays'>,
) {
  const elements = requiredNoticeElements(ctx);
  return { basis: elements.includes('basis'), fulfilled: elements.includes('fulfilled') };
}

const AUTHORITY: Record<'EU' | 'UK' | 'BR' | 'CA', Phrase> = {
  EU: phrase('legal.complaint.eu'),
  UK: phrase('legal.complaint.uk'),
  BR: phrase('legal.complaint.br'),
  CA: phrase('legal.complaint.ca'),
};

/** Each element's sentence, as a phrase the reader's language puts into words (lib/i18n/say-phrases.ts). */
const SENTENCES: Record<NoticeElement, (ctx: NoticeContext) => Phrase | Phrase[] | null> = {
  // The email prints the reason's label on its own line ("Reason: …"); no second sentence.
  reason: () => null,
  not_verified: () => phrase('legal.notVerified'),
  // Staff's words (basis, what was done) go as written, inside the reader's sentence.
  basis: (ctx) => phrase('legal.basis', { basis: ctx.basis ?? '' }),
  fulfilled: (ctx) => phrase('legal.fulfilled', { fulfilled: ctx.fulfilled ?? '' }),
  kept_only_for_exception: () => phrase('legal.keptOnlyForException'),
  privacy_policy: (ctx) => phrase('legal.privacyPolicy', { url: ctx.privacyPolicyUrl }),
  appeal: (ctx) =>
    ctx.appealDecision
      ? phrase('legal.appealDecided', {
          days: ctx.appealDays ?? 0,
          contactEmail: ctx.contactEmail,
          decision: ctx.appealDecision,
        })
      : phrase('legal.appeal', { days: ctx.appealDays ?? 0, contactEmail: ctx.contactEmail }),
  attorney_general: (ctx) =>
    phrase('legal.attorneyGeneral', {
      afterAppeal: ctx.appealDays === null ? 'no' : 'yes',
      authority: stateAuthorityPhrase(ctx),
    }),
  // Quebec: French first, then in the reader's language (P-39.1 s.34; Charter of the French language), from lib/email/quebec-notices.ts.
  supervisory_complaint: (ctx) =>
    noticeFamily(ctx.jurisdiction) === 'CA-QC'
      ? quebecDenialNotices(ctx.contactEmail)
      : AUTHORITY[noticeFamily(ctx.jurisdiction) as keyof typeof AUTHORITY],
  judicial_remedy: () => phrase('legal.judicialRemedy'),
  contact: (ctx) => phrase('legal.contact', { contactEmail: ctx.contactEmail }),
};

/**
 * The words a reader must find for each element, checked on the rendered email. Kept apart from
 * the sentences so that rewording a sentence cannot silently drop what the law requires.
 */
export const NOTICE_ELEMENT_MUST_SAY: Record<NoticeElement, (ctx: NoticeContext) => RegExp | string> = {
  reason: () => /Reason: /,
  not_verified: () => /could not verify your identity/,
  basis: (ctx) => ctx.basis ?? '(missing basis)',
  fulfilled: (ctx) => ctx.fulfilled ?? '(missing account of what was done)',
  kept_only_for_exception: () => /use the information we keep only for the purpose of that exception/,
  privacy_policy: (ctx) => ctx.privacyPolicyUrl,
  appeal: (ctx) => new RegExp(`appeal this decision within ${ctx.appealDays} days`),
  attorney_general: (ctx) => stateAuthority(ctx),
  supervisory_complaint: (ctx) =>
    ({
      EU: /complaint with a data protection supervisory authority/,
      UK: /Information Commissioner's Office/,
      BR: /National Data Protection Authority \(ANPD\)/,
      CA: /Privacy Commissioner of Canada/,
      'CA-QC': /Commission d'accès à l'information/,
    })[noticeFamily(ctx.jurisdiction) as keyof typeof AUTHORITY | 'CA-QC'] ?? /(?!)/,
  judicial_remedy: () => /judicial remedy/,
  contact: (ctx) => ctx.contactEmail,
};

/** The notices of one denial, in order, for the email and the status page, as phrases. */
export function denialNoticePhrases(ctx: NoticeContext): Phrase[] {
  return requiredNoticeElements(ctx).flatMap((e) => SENTENCES[e](ctx) ?? []);
}
