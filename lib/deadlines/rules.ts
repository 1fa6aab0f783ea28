import { z } from 'zod';
import type { Jurisdiction, RequestType } from '../universal/codes';
import {
  DeadlineRulesSchema,
  RuleOverridesSchema,
  type DeadlineRules,
  type JurisdictionRule,
  type Period,
  type PauseRule,
  type RequestTypeRow,
  type RequestTypeRule,
} from './schemas';

/**
 * Response deadlines per jurisdiction, as data, from docs/rights-law.md section 1 ("Deadlines").
 * [P] primary text, [S] secondary summary, as marked there. Change a rule here or, without a code
 * change, through `getRules(overrides)`.
 */

const months = (amount: number): Period => ({ amount, unit: 'months' });
const calendarDays = (amount: number): Period => ({ amount, unit: 'calendarDays' });
const businessDays = (amount: number): Period => ({ amount, unit: 'businessDays' });
const pauseAllowed = (source: string): PauseRule => ({ allowed: true, source });
const pauseRefused = (source: string): PauseRule => ({ allowed: false, source });
// Where the law counts from receipt and says nothing of stopping: neither wait stops the clock.
const noPause = (source: string) => ({
  awaiting_identity: pauseRefused(source),
  awaiting_clarification: pauseRefused(source),
});

/*
 * Pauses per reason (docs/rights-law.md, "Pauses per reason"). GDPR stops the month for nothing in
 * its text; regulators accept that it does not run while identity information asked for under
 * Art. 12(6) is awaited, but a question about what the request covers does not stop it. The UK's
 * Art. 12A stops the clock for a clarification only of an access request (Art. 15).
 */
const GDPR_PAUSES = {
  awaiting_identity: pauseAllowed(
    'GDPR Art. 12(6); EDPB Guidelines 01/2022 §3 and §5.3: regulators treat the month as not running while identity information asked for is awaited [S]',
  ),
  awaiting_clarification: pauseRefused(
    'GDPR Art. 12(3): one month of receipt, extendable only by notice; no provision stops it while the scope of a request is clarified [P]',
  ),
};
const UK_IDENTITY_PAUSE = pauseAllowed(
  'UK GDPR Art. 12A: the period runs from the latest of receipt and receipt of the identity information asked for under Art. 12(6) [S; P for the DPA 2018 s.54(3) twin]',
);
const UK_PAUSES = {
  awaiting_identity: UK_IDENTITY_PAUSE,
  awaiting_clarification: pauseRefused(
    'UK GDPR Art. 12A: only a request under Art. 15 (access) stops for clarification of what it covers [S; P for the DPA 2018 s.54(3C), "a request under section 45(1)"]',
  ),
};
const UK_ACCESS_PAUSES = {
  awaiting_identity: UK_IDENTITY_PAUSE,
  awaiting_clarification: pauseAllowed(
    'UK GDPR Art. 12A: the days from asking for the information needed to identify what an access request covers to receiving it do not count [S; P for the DPA 2018 s.54(3C)-(3D)]',
  ),
};

/** An opt-out's clock: the law's own period, with no extension and no acknowledgement. */
const optOutClock = (period: Period, sources: string[]): RequestTypeRow => ({
  optOut: true,
  firstDeadline: period,
  extension: null,
  acknowledgement: null,
  sources,
});

// Unsubscribing from marketing (docs/rights-law.md "One request type per right"). Where no law sets a
// period, the strictest the others set, well inside GDPR's month (Art. 12(3), 21(3)).
const CAN_SPAM_UNSUBSCRIBE = optOutClock(businessDays(10), [
  'CAN-SPAM 15 U.S.C. §7704(a)(4)(A): no commercial email more than 10 business days after the opt-out [P]',
]);
const CASL_UNSUBSCRIBE = optOutClock(businessDays(10), [
  'CASL s.11(3): give effect to an unsubscribe without delay, at most 10 business days after it is sent [S]',
]);
const POLICY_UNSUBSCRIBE = optOutClock(businessDays(10), [
  'GDPR Art. 21(2)-(3): an objection to direct marketing ends it, without condition; Art. 12(3) one month at most [P]',
  'Bitstride policy: 10 business days, as CAN-SPAM and CASL, inside the month [policy]',
]);

// US state laws share a shape: 45 days, +45 once, counted from receipt, no pause, no roll.
const usStateBase = {
  firstDeadline: calendarDays(45),
  extension: calendarDays(45),
  pauses: noPause(
    'US state privacy laws count the period from receipt; none stops it while the requester is awaited [S]',
  ),
  clockStarts: 'receipt',
  acknowledgement: null,
  rollToWorkingDay: false,
  appealDays: null,
} as const;

// Every US state: marketing email is CAN-SPAM's; an opt-out of sale/sharing runs the state's own
// 45 (+45) days unless its law sets a shorter period (California's row).
const usStateTypes = {
  unsubscribe: CAN_SPAM_UNSUBSCRIBE,
} as const satisfies Partial<Record<RequestType, RequestTypeRow>>;

export const DEFAULT_RULES: DeadlineRules = {
  EU: {
    firstDeadline: months(1),
    extension: months(2),
    pauses: GDPR_PAUSES,
    clockStarts: 'receipt',
    acknowledgement: null,
    // Reg. 1182/71 art. 3(4); commentators differ on applying it to GDPR, hence a setting [S].
    rollToWorkingDay: true,
    timeZone: 'Europe/Brussels',
    holidayCountry: 'BE',
    appealDays: null,
    sources: [
      'GDPR Art. 12(3): within one month of receipt [P]',
      'GDPR Art. 12(3): extendable by two further months where necessary [P]',
      'Reg. 1182/71 art. 3(2)(c) month arithmetic, art. 3(4) roll to the next working day [S]',
      'Regulator practice: paused while an identity check is unanswered [S]',
    ],
    byRequestType: { unsubscribe: POLICY_UNSUBSCRIBE },
  },
  UK: {
    firstDeadline: months(1),
    extension: months(2),
    pauses: UK_PAUSES,
    // Art. 12A: the period begins at the latest of receipt, identity information, fee, authority.
    clockStarts: 'verification',
    acknowledgement: null,
    rollToWorkingDay: true,
    timeZone: 'Europe/London',
    holidayCountry: 'GB-ENG',
    appealDays: null,
    sources: [
      'UK GDPR Art. 12(3) and ICO guidance: one month, same date next month, else its last day [P]',
      'ICO guidance: a weekend or bank holiday moves to the next working day [P]',
      'UK GDPR Art. 12(3): extendable by two further months (three in all) [P]',
      'UK GDPR Art. 12A (Data (Use and Access) Act 2025, from 5 Feb 2026): clock start and stop [P]',
    ],
    byRequestType: { access: { pauses: UK_ACCESS_PAUSES }, unsubscribe: POLICY_UNSUBSCRIBE },
  },
  'US-CA': {
    ...usStateBase,
    acknowledgement: businessDays(10),
    pauses: noPause('CCPA regs §7021(b): 45 days from receipt "regardless of time required to verify" [P]'),
    timeZone: 'America/Los_Angeles',
    holidayCountry: 'US-CA',
    sources: [
      'CCPA regs §7021(a): confirm receipt within 10 business days [P]',
      'CCPA regs §7021(b): respond within 45 calendar days of receipt, regardless of verification [P]',
      'CCPA regs §7021(b): extendable once by 45 calendar days (90 in all) with notice [P]',
    ],
    byRequestType: {
      ...usStateTypes,
      opt_out_sale: optOutClock(businessDays(15), [
        'CCPA regs §7026(f)(1): stop selling/sharing as soon as feasibly possible, at most 15 business days [S]',
        'CCPA regs §7026(d), §7060(b): no verification; no extension in the text [S]',
      ]),
      limit_sensitive: optOutClock(businessDays(15), [
        'CCPA regs §7027(g)(1): stop using and disclosing beyond §7027(m) within 15 business days [S]',
        'CCPA regs §7027(e): not a verifiable consumer request [P]; no extension in the text [S]',
      ]),
    },
  },
  'US-VA': {
    ...usStateBase,
    timeZone: 'America/New_York',
    holidayCountry: 'US-VA',
    appealDays: 60,
    sources: [
      'Va. Code §59.1-577(B): respond within 45 days of receipt [P]',
      'Va. Code §59.1-577(B): extendable once by 45 days when reasonably necessary [P]',
      'Va. Code §59.1-577: appeal decided within 60 days of its receipt [P]',
    ],
    byRequestType: {
      ...usStateTypes,
      opt_out_sale: {
        optOut: true,
        sources: ['Va. Code §59.1-577(A)(5), (B): opt out of sale, targeted advertising; 45 days, +45 [S]'],
      },
    },
  },
  'US-CO': {
    ...usStateBase,
    timeZone: 'America/Denver',
    holidayCountry: 'US-CO',
    appealDays: 60,
    sources: [
      'C.R.S. 6-1-1306: respond within 45 days of receipt, extendable by 45 days [S]',
      'C.R.S. 6-1-1306(3)(b): appeal decided within 45 days, +60 with notice [S]; APPEAL_DECISION_DAYS differs (rights-law.md)',
      'C.R.S. 6-1-1306(3)(a): appeal within "a reasonable period" of the decision; appealDays 60 is policy [S]',
      'Colorado Privacy Act Rule 6.11: the appeal and its outcome are recorded [P]',
    ],
    byRequestType: {
      ...usStateTypes,
      opt_out_sale: {
        optOut: true,
        sources: ['C.R.S. 6-1-1306(1)(a), (2): opt out of sale, targeted advertising; 45 days, +45 [S]'],
      },
    },
  },
  'US-OTHER': {
    ...usStateBase,
    timeZone: 'America/New_York',
    holidayCountry: 'US',
    sources: ['Bitstride policy: the common US state-law deadline of 45 days, +45 [policy]'],
    byRequestType: {
      ...usStateTypes,
      opt_out_sale: { optOut: true, sources: ['Bitstride policy: as the common US state law, 45 days, +45 [policy]'] },
    },
  },
  BR: {
    firstDeadline: calendarDays(15),
    extension: null,
    pauses: noPause('LGPD Art. 19(II): 15 days from the request; the text stops them for nothing [P]'),
    clockStarts: 'receipt',
    acknowledgement: null,
    rollToWorkingDay: false,
    timeZone: 'America/Sao_Paulo',
    holidayCountry: 'BR',
    appealDays: null,
    sources: ['LGPD Art. 19(II): complete declaration within 15 days of the request; no extension in the text [P]'],
    byRequestType: { unsubscribe: POLICY_UNSUBSCRIBE },
  },
  CA: {
    firstDeadline: calendarDays(30),
    extension: calendarDays(30),
    pauses: noPause('PIPEDA s.8(3): 30 days after receipt; the Act stops them for nothing [P]'),
    clockStarts: 'receipt',
    acknowledgement: null,
    rollToWorkingDay: false,
    timeZone: 'America/Toronto',
    holidayCountry: 'CA-ON',
    appealDays: null,
    sources: [
      'PIPEDA s.8(3): respond within 30 days of receipt [P]',
      'PIPEDA s.8(4): extendable by up to 30 days, with notice within the first 30 [P]',
    ],
    byRequestType: { unsubscribe: CASL_UNSUBSCRIBE },
  },
  OTHER: {
    firstDeadline: calendarDays(30),
    extension: calendarDays(30),
    pauses: noPause('Bitstride policy: where no law sets a deadline, the policy period runs without stopping [policy]'),
    clockStarts: 'receipt',
    acknowledgement: null,
    rollToWorkingDay: false,
    timeZone: 'UTC',
    holidayCountry: null,
    appealDays: null,
    sources: ['Bitstride policy: 30 days, +30 where no law sets a deadline [policy]'],
    byRequestType: { unsubscribe: POLICY_UNSUBSCRIBE },
  },
};
deepFreeze(DEFAULT_RULES);

/** The rule that applies to one request: jurisdiction defaults, then the request type's row. */
export interface ResolvedRule extends RequestTypeRule {
  jurisdiction: Jurisdiction;
  requestType: RequestType;
  timeZone: string;
  holidayCountry: string | null;
  appealDays: number | null;
  /** True where the type's row says it is an opt-out in this regime; its clock is the row's, else the regime's. */
  isOptOut: boolean;
}

export function resolveRule(rules: DeadlineRules, jurisdiction: Jurisdiction, requestType: RequestType): ResolvedRule {
  const { byRequestType, timeZone, holidayCountry, appealDays, ...defaults } = rules[jurisdiction];
  const { optOut = false, ...row } = withoutUndefined(byRequestType?.[requestType] ?? {});
  const isOptOut = optOut === true;
  return {
    ...defaults,
    ...row,
    jurisdiction,
    requestType,
    timeZone,
    holidayCountry,
    appealDays,
    isOptOut,
  };
}

/**
 * Deep-merges operator overrides into a rule table: per jurisdiction, each given field replaces
 * the base one (periods and sources whole); byRequestType merges per request type and field.
 * Throws an Error naming every invalid field, so a bad configuration stops the app at start.
 */
export function overrideRules(base: DeadlineRules, overrides: unknown): DeadlineRules {
  const parsedOverrides = RuleOverridesSchema.safeParse(overrides);
  if (!parsedOverrides.success) {
    throw new Error(`Invalid deadline rule overrides:\n${z.prettifyError(parsedOverrides.error)}`);
  }
  const merged: DeadlineRules = structuredClone(base) as DeadlineRules;
  for (const [jurisdiction, override] of Object.entries(parsedOverrides.data) as [
    Jurisdiction,
    Partial<JurisdictionRule>,
  ][]) {
    const { byRequestType: typeOverrides, ...fields } = override;
    const target = merged[jurisdiction];
    Object.assign(target, withoutUndefined(fields));
    for (const [requestType, typeOverride] of Object.entries(typeOverrides ?? {}) as [RequestType, RequestTypeRow][]) {
      target.byRequestType = {
        ...target.byRequestType,
        [requestType]: { ...target.byRequestType?.[requestType], ...withoutUndefined(typeOverride) },
      };
    }
  }
  const validated = DeadlineRulesSchema.safeParse(merged);
  if (!validated.success) {
    throw new Error(`Deadline rules invalid after overrides:\n${z.prettifyError(validated.error)}`);
  }
  return deepFreeze(validated.data);
}

/**
 * The rule table in force: the defaults, or the defaults with operator overrides (e.g. JSON parsed
 * from an env var by lib/env.ts). Validates on every call, so call it once at start-up.
 */
export function getRules(overrides?: unknown): DeadlineRules {
  return overrides === undefined || overrides === null ? DEFAULT_RULES : overrideRules(DEFAULT_RULES, overrides);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

// Rule tables are shared by every request; freezing stops one caller's edit leaking into others.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const field of Object.values(value)) deepFreeze(field);
  }
  return value;
}
