/**
 * The deadline engine: when a rights request must be answered, per jurisdiction and request type.
 * Rules are data (rules.ts, from docs/rights-law.md section 1); the arithmetic is pure code.
 */
export { computeDeadline, PAUSE_REASON_WORDS, type ComputeDeadlineOptions, type Deadline } from './compute-deadline';
export { DEFAULT_RULES, getRules, overrideRules, resolveRule, type ResolvedRule } from './rules';
export {
  DeadlineRulesSchema,
  PAUSE_REASONS,
  RuleOverridesSchema,
  type DeadlineRules,
  type JurisdictionRule,
  type PauseReason,
  type PauseRule,
  type Period,
  type PeriodUnit,
  type RequestTypeRule,
  type RuleOverrides,
} from './schemas';
export { addBusinessDays, isWorkingDay, nextWorkingDay, publicHolidayName } from './calendar';
export type { Pause } from './pauses';
