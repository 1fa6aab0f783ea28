/**
 * How each DRP exercise and regime becomes a request of the portal, as data with a source per row
 * (docs/rights-law.md; DRP 1.0 §3.01). `sale:opt-in` has no request type: it is recorded and
 * answered with what it does here.
 */
import type { Jurisdiction, RequestType } from '../universal/codes';
import type { DrpExercise } from './schemas';

export type ExerciseRule = {
  exercise: DrpExercise;
  /** The portal's request type; null when the exercise is recorded only. */
  type: RequestType | null;
  /** Told to staff in the request's details (the scope the agent asked for). */
  scope: string;
  source: string;
};

export const EXERCISE_RULES: readonly ExerciseRule[] = [
  {
    exercise: 'access',
    type: 'access',
    scope: 'right to know (categories and specific pieces)',
    source: 'Cal. Civ. Code §1798.110; DRP 1.0 §3.01',
  },
  {
    exercise: 'access:categories',
    type: 'access',
    scope: 'right to know: the categories of personal information only',
    source: 'Cal. Civ. Code §1798.110(a)(1)-(4); 11 CCR §7024(a); DRP 1.0 §3.01',
  },
  {
    exercise: 'access:specific',
    type: 'access',
    scope: 'right to know: the specific pieces of personal information',
    source: 'Cal. Civ. Code §1798.110(a)(5); 11 CCR §7024; DRP 1.0 §3.01',
  },
  {
    exercise: 'deletion',
    type: 'deletion',
    scope: 'right to delete',
    source: 'Cal. Civ. Code §1798.105; DRP 1.0 §3.01',
  },
  {
    exercise: 'sale:opt-out',
    type: 'opt_out_sale',
    scope: 'opt-out of sale and sharing',
    source: 'Cal. Civ. Code §1798.120, §1798.135; 11 CCR §7026; DRP 1.0 §3.01',
  },
  {
    exercise: 'sale:opt-in',
    type: null,
    scope: 'consent to sale after an opt-out',
    source: 'Cal. Civ. Code §1798.120(d), §1798.135(c)(4); DRP 1.0 §3.01',
  },
];

export const REGIME_RULES: readonly { regime: 'ccpa' | 'voluntary'; jurisdiction: Jurisdiction; source: string }[] = [
  { regime: 'ccpa', jurisdiction: 'US-CA', source: 'DRP 1.0 §3.01: the rights encoded are the CCPA’s' },
  // A request on a voluntary basis: the portal's rules for a US resident outside the states it lists.
  { regime: 'voluntary', jurisdiction: 'US-OTHER', source: 'DRP 1.0 §2.01 (no regime: voluntary processing)' },
];

export function exerciseRule(exercise: DrpExercise): ExerciseRule {
  const rule = EXERCISE_RULES.find((r) => r.exercise === exercise);
  if (!rule) throw new Error(`No rule for DRP exercise ${exercise}`);
  return rule;
}

export function regimeJurisdiction(regime: 'ccpa' | 'voluntary' | undefined): Jurisdiction {
  return REGIME_RULES.find((r) => r.regime === (regime ?? 'voluntary'))?.jurisdiction ?? 'US-OTHER';
}

/** What a sale:opt-in does here, in words the agent can pass on. */
export function optInExplanation(sellsOrShares: boolean): string {
  return sellsOrShares
    ? 'Recorded. An opt-in is not acted on automatically: an earlier opt-out of sale and sharing stays in force until the person asks us directly, so that consent to sale is given by the person themselves (CCPA §1798.120(d)).'
    : 'Recorded, with nothing to act on: we do not sell or share personal information, so there is no sale to opt into. Any earlier opt-out stays recorded.';
}
