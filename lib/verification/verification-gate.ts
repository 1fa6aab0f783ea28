import { env } from '../env';
import { AppError } from '../errors';
import type { RequestType } from '../universal/codes';
import { meetsLevel, VERIFICATION_LEVEL_LABELS, type VerificationLevel } from './levels';
import { CATEGORIES_WITHHELD, requiredVerification } from './level-rules';
import { type Phrase, phrase } from '../universal/i18n/phrase';

type VerifiableRequest = {
  jurisdiction: string;
  types: readonly RequestType[];
  verificationLevel: VerificationLevel;
  verificationRequired?: VerificationLevel | null;
};

/** Where a request stands: the level reached, what work and disclosure need, and the rows that say so. */
export function verificationState(request: VerifiableRequest) {
  const required = requiredVerification(request);
  return {
    reached: request.verificationLevel,
    required,
    readyForWork: meetsLevel(request.verificationLevel, required.beforeWork),
    readyForDisclosure: meetsLevel(request.verificationLevel, required.beforeDisclosure),
  };
}

const STAGE_WORDS = { work: 'before work starts', disclosure: 'before its data is released' } as const;

/** The reason a stage is refused, in words staff and requesters can read; null when it may go ahead. */
export function verificationShortfall(request: VerifiableRequest, stage: 'work' | 'disclosure'): string | null {
  const state = verificationState(request);
  const needed = stage === 'work' ? state.required.beforeWork : state.required.beforeDisclosure;
  if (meetsLevel(state.reached, needed)) return null;
  const sources = [...new Set(state.required.rules.map((rule) => rule.source))].join('; ');
  return `This request needs "${VERIFICATION_LEVEL_LABELS[needed]}" ${STAGE_WORDS[stage]}; so far: "${VERIFICATION_LEVEL_LABELS[state.reached]}" (${sources}).`;
}

/** Refuses a stage the request's verification does not reach yet (409, with the reason). */
export function assertVerifiedFor(request: VerifiableRequest, stage: 'work' | 'disclosure') {
  const shortfall = verificationShortfall(request, stage);
  if (shortfall) throw new AppError('CONFLICT', shortfall);
}

/**
 * True when a request answered now, with its data held back, may not be answered with the
 * categories either: a row's `categoriesLevel` is not reached (11 CCR §7062(b), §7024(b)). The
 * answer then carries no per-system summary.
 */
export function categoriesWithheld(request: VerifiableRequest): boolean {
  const state = verificationState(request);
  if (state.readyForDisclosure) return false;
  return state.required.rules.some((rule) => rule.categoriesLevel && !meetsLevel(state.reached, rule.categoriesLevel));
}

/** What the requester is told when their request is answered while its data is held back for want of proof. */
export function heldBackNotices(request: VerifiableRequest): Phrase[] {
  const state = verificationState(request);
  if (state.readyForDisclosure) return [];
  const notices = state.required.rules.flatMap((rule) =>
    rule.categoriesLevel && !meetsLevel(state.reached, rule.categoriesLevel)
      ? [phrase(CATEGORIES_WITHHELD, { policyUrl: env().PRIVACY_POLICY_URL })]
      : rule.heldBackNotice
        ? [phrase(rule.heldBackNotice)]
        : [],
  );
  const unique = [...new Map(notices.map((n) => [JSON.stringify(n), n])).values()];
  return unique.length > 0 ? unique : [phrase('legal.heldBack.kept')];
}
