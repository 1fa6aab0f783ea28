import { IANAZone } from 'luxon';
import { z } from 'zod';
import { JURISDICTIONS, REQUEST_TYPES } from '../universal/codes';
import { isKnownHolidayCalendar } from './calendar';

/** The three ways the law counts time: calendar months (end-of-month clamped), calendar days, business days. */
export const PERIOD_UNITS = ['months', 'calendarDays', 'businessDays'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

// A period is replaced whole by an override, never merged field by field: "2" alone means nothing.
export const PeriodSchema = z.strictObject({
  amount: z.number().int().positive().max(1000),
  unit: z.enum(PERIOD_UNITS),
});
export type Period = z.infer<typeof PeriodSchema>;

/** Why the clock may stop while we wait on the requester (the `clock_pause.reason` values). */
export const PAUSE_REASONS = ['awaiting_identity', 'awaiting_clarification'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

// One row per pause reason: whether the law lets that wait stop the clock, and where it says so.
export const PauseRuleSchema = z.strictObject({ allowed: z.boolean(), source: z.string().min(1) });
export type PauseRule = z.infer<typeof PauseRuleSchema>;

// The fields that may differ between request types of one jurisdiction.
const requestTypeRuleShape = {
  firstDeadline: PeriodSchema,
  extension: PeriodSchema.nullable(),
  /**
   * Per reason, may the clock stop while we wait on the requester? Replaced whole by an override
   * (both reasons given), like a period: a reason left out would silently mean something.
   */
  pauses: z.strictObject({ awaiting_identity: PauseRuleSchema, awaiting_clarification: PauseRuleSchema }),
  /** 'verification': the clock starts when identity is confirmed, if that is later than receipt. */
  clockStarts: z.enum(['receipt', 'verification']),
  /** Deadline to confirm receipt to the requester, counted from receipt; null where the law sets none. */
  acknowledgement: PeriodSchema.nullable(),
  /** A deadline on a weekend or public holiday moves to the next working day. */
  rollToWorkingDay: z.boolean(),
  /** Citations, shown to staff next to the deadline. */
  sources: z.array(z.string().min(1)),
};

/** The rule for one jurisdiction and request type, after per-type overrides are applied. */
export const RequestTypeRuleSchema = z.strictObject(requestTypeRuleShape);
export type RequestTypeRule = z.infer<typeof RequestTypeRuleSchema>;

/**
 * A request type's row in a jurisdiction: any field of the rule, plus `optOut`, which says the type is
 * an opt-out in this regime (unsubscribe, opt-out of sale/sharing, limit). The row's own fields give
 * the law's clock where it has one of its own (California: 15 business days, no extension, no
 * acknowledgement); without them the regime's clock applies (Virginia: 45 days, +45).
 */
export const RequestTypeRowSchema = z.strictObject({ ...requestTypeRuleShape, optOut: z.boolean() }).partial();
export type RequestTypeRow = z.infer<typeof RequestTypeRowSchema>;

export const JurisdictionRuleSchema = z.strictObject({
  ...requestTypeRuleShape,
  timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), { message: 'not an IANA time zone' }),
  /** date-holidays code, e.g. 'GB-ENG', 'US-CA', 'BE'; null means weekends are the only non-working days. */
  holidayCountry: z
    .string()
    .refine(isKnownHolidayCalendar, { message: 'not a date-holidays country/state code' })
    .nullable(),
  /**
   * Days the requester has to file an appeal against a refusal, counted from the decision. The US
   * statutes say "a reasonable period", so the figure is policy; null means no time limit (the
   * appeal stays open until the record is purged). Read only where appealDecision is set.
   */
  appealWindowDays: z.number().int().positive().nullable(),
  /** Time to decide an appeal, from its receipt; null where the law has no appeal step. */
  appealDecision: PeriodSchema.nullable(),
  /** The appeal decision's one extension, noticed within appealDecision (Colorado +60); null where none. */
  appealExtension: PeriodSchema.nullable(),
  /** Who a requester may complain to, named in notices; null where there is no authority to name. */
  authority: z.strictObject({ name: z.string().min(1), url: z.url().nullable() }).nullable(),
  /**
   * Where the law took effect on a known day: a request received (in `timeZone`) before `from` gets
   * the periods and appeal of the `before` jurisdiction (the policy default), with this zone and calendar.
   */
  effective: z.strictObject({ from: z.iso.date(), before: z.enum(JURISDICTIONS) }).nullable(),
  /** Per request type, the fields that differ from the jurisdiction's own (docs/rights-law.md §1). */
  byRequestType: z.partialRecord(z.enum(REQUEST_TYPES), RequestTypeRowSchema).optional(),
});
export type JurisdictionRule = z.infer<typeof JurisdictionRuleSchema>;

/** The whole table: every jurisdiction must have a rule. */
export const DeadlineRulesSchema = z.record(z.enum(JURISDICTIONS), JurisdictionRuleSchema);
export type DeadlineRules = z.infer<typeof DeadlineRulesSchema>;

/**
 * What an operator may override by configuration: any jurisdiction, any field, and any field of a
 * request type. Unknown keys are rejected so a typo fails loudly instead of being ignored.
 */
export const RuleOverridesSchema = z.partialRecord(z.enum(JURISDICTIONS), JurisdictionRuleSchema.partial());
export type RuleOverrides = z.infer<typeof RuleOverridesSchema>;
