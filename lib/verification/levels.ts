/**
 * How sure the portal is that the requester is the person whose data a request concerns. Four
 * ordered levels; each method of proof (`./methods`) reaches one, alone or with others.
 *
 * - `none`: nothing proven (an opt-out needs no more).
 * - `email`: the requester controls the request's email address (its verification link).
 * - `reasonable`: a "reasonable degree of certainty" (11 CCR §7062(b)): two data points the
 *   business holds matched, for example the email address and an answer from the account's records.
 * - `high`: a "reasonably high degree of certainty" (§7062(c)): three data points and a signed
 *   declaration under penalty of perjury, or the account's own sign-in (§7061), or evidence staff
 *   reviewed and accepted at that level.
 */
export const VERIFICATION_LEVELS = ['none', 'email', 'reasonable', 'high'] as const;
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number];

export const VERIFICATION_LEVEL_LABELS: Record<VerificationLevel, string> = {
  none: 'Not verified',
  email: 'Email address confirmed',
  reasonable: 'Reasonable certainty',
  high: 'High certainty',
};

export const VERIFICATION_METHODS = [
  'email_link',
  'account_sign_in',
  'data_points',
  'declaration',
  'evidence',
] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

export const VERIFICATION_METHOD_LABELS: Record<VerificationMethod, string> = {
  email_link: 'Email link',
  account_sign_in: 'Signed in to the Bitstride account',
  data_points: 'Answered questions about the account',
  declaration: 'Signed declaration under penalty of perjury',
  evidence: 'Evidence reviewed by staff',
};

const rank = (level: VerificationLevel) => VERIFICATION_LEVELS.indexOf(level);

/** True when `reached` is at least `required`. */
export function meetsLevel(reached: VerificationLevel, required: VerificationLevel) {
  return rank(reached) >= rank(required);
}

export function highestLevel(levels: readonly VerificationLevel[]): VerificationLevel {
  return levels.reduce<VerificationLevel>((best, level) => (rank(level) > rank(best) ? level : best), 'none');
}

/** One method that succeeded, as stored in `verification_check`. */
export type VerificationCheck = {
  method: VerificationMethod;
  /** data_points: how many answers matched the account's records. */
  points?: number | null;
  /** evidence: the level the reviewer accepted. */
  level?: VerificationLevel | null;
};

/** Data points needed for each level (§7062(b)-(c)); control of the request's email counts as one. */
export const DATA_POINTS_FOR = { reasonable: 2, high: 3 } as const;

/**
 * The level a request's successful checks reach together. The email link is one data point;
 * matched answers add theirs; three points reach `high` only with a signed declaration.
 */
export function levelFromChecks(checks: readonly VerificationCheck[]): VerificationLevel {
  const has = (method: VerificationMethod) => checks.some((check) => check.method === method);
  const matched = Math.max(0, ...checks.filter((c) => c.method === 'data_points').map((c) => c.points ?? 0));
  const points = (has('email_link') ? 1 : 0) + matched;
  const reached: VerificationLevel[] = checks
    .filter((check) => check.method === 'evidence' && check.level)
    .map((check) => check.level as VerificationLevel);
  if (has('account_sign_in')) reached.push('high');
  if (points >= DATA_POINTS_FOR.high && has('declaration')) reached.push('high');
  if (points >= DATA_POINTS_FOR.reasonable) reached.push('reasonable');
  if (has('email_link')) reached.push('email');
  return highestLevel(reached);
}
