import { z } from 'zod';
import { DateTime } from 'luxon';
import {
  type Jurisdiction,
  type RequestType,
  US_STATE_JURISDICTIONS,
  type UsStateJurisdiction,
} from '../universal/codes';
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
import { US_STATE_LAWS } from './us-state-laws';

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

// Every US state: marketing email is CAN-SPAM's; an opt-out of sale/sharing runs the state's own
// period (+ extension) unless its law sets a shorter one (California's row).
const usStateTypes = {
  unsubscribe: CAN_SPAM_UNSUBSCRIBE,
} as const satisfies Partial<Record<RequestType, RequestTypeRow>>;

/**
 * Days a requester has to appeal a refusal where the law has an appeal step. The statutes say "a
 * reasonable period of time" (Va. Code §59.1-577(C), C.R.S. 6-1-1306(3)(a)) [S]; 60 is policy.
 */
const APPEAL_WINDOW_DAYS = 60;

// No appeal step: the requester goes to the authority instead (rights-law.md §5).
const noAppeal = { appealWindowDays: null, appealDecision: null, appealExtension: null } as const;

/** A US state's rule from its row in us-state-laws.ts: days from receipt, no pause, no roll. */
function usStateRule(state: UsStateJurisdiction): JurisdictionRule {
  const law = US_STATE_LAWS[state];
  return {
    firstDeadline: calendarDays(law.responseDays),
    extension: calendarDays(law.extensionDays),
    pauses: noPause(
      'US state privacy laws count the period from receipt; none stops it while the requester is awaited [S]',
    ),
    clockStarts: 'receipt',
    acknowledgement: null,
    rollToWorkingDay: false,
    timeZone: law.timeZone,
    holidayCountry: law.holidayCountry,
    ...(law.appeal
      ? {
          appealWindowDays: APPEAL_WINDOW_DAYS,
          appealDecision: calendarDays(law.appeal.decisionDays),
          appealExtension: law.appeal.extensionDays ? calendarDays(law.appeal.extensionDays) : null,
        }
      : noAppeal),
    authority: law.authority,
    effective: { from: law.effectiveFrom, before: 'US-OTHER' },
    byRequestType: {
      ...usStateTypes,
      opt_out_sale: {
        optOut: true,
        sources: [`${law.law}: opt out of sale and targeted advertising, within the response period [S]`],
      },
    },
    sources: [
      ...law.sources,
      ...(law.appeal
        ? [`${law.law}: appeal within "a reasonable period"; ${APPEAL_WINDOW_DAYS} days is policy [policy]`]
        : []),
    ],
  };
}

const usStates = Object.fromEntries(US_STATE_JURISDICTIONS.map((state) => [state, usStateRule(state)])) as Record<
  UsStateJurisdiction,
  JurisdictionRule
>;

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
    ...noAppeal,
    authority: {
      name: 'the data protection supervisory authority of the EU or EEA country where you live or work',
      url: 'https://edpb.europa.eu/about-edpb/about-edpb/members_en',
    },
    effective: null,
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
    ...noAppeal,
    authority: { name: "the Information Commissioner's Office (ICO)", url: 'https://ico.org.uk/make-a-complaint/' },
    effective: null,
    sources: [
      'UK GDPR Art. 12(3) and ICO guidance: one month, same date next month, else its last day [P]',
      'ICO guidance: a weekend or bank holiday moves to the next working day [P]',
      'UK GDPR Art. 12(3): extendable by two further months (three in all) [P]',
      'UK GDPR Art. 12A (Data (Use and Access) Act 2025, from 5 Feb 2026): clock start and stop [P]',
    ],
    byRequestType: { access: { pauses: UK_ACCESS_PAUSES }, unsubscribe: POLICY_UNSUBSCRIBE },
  },
  ...usStates,
  'US-CA': {
    ...usStates['US-CA'],
    acknowledgement: businessDays(10),
    pauses: noPause('CCPA regs §7021(b): 45 days from receipt "regardless of time required to verify" [P]'),
    sources: [
      'CCPA regs §7021(a): confirm receipt within 10 business days [P]',
      'CCPA regs §7021(b): respond within 45 calendar days of receipt, regardless of verification [P]',
      'CCPA regs §7021(b): extendable once by 45 calendar days (90 in all) with notice [P]',
      ...usStates['US-CA'].sources,
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
  // A state without a comprehensive privacy law in force, or a request received before its law took effect.
  'US-OTHER': {
    firstDeadline: calendarDays(45),
    extension: calendarDays(45),
    pauses: noPause(
      'US state privacy laws count the period from receipt; none stops it while the requester is awaited [S]',
    ),
    clockStarts: 'receipt',
    acknowledgement: null,
    rollToWorkingDay: false,
    timeZone: 'America/New_York',
    holidayCountry: 'US',
    ...noAppeal,
    authority: { name: 'the Attorney General of your state', url: null },
    effective: null,
    sources: ['Bitstride policy: the common US state-law deadline of 45 days, +45, no appeal step [policy]'],
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
    ...noAppeal,
    authority: { name: 'the National Data Protection Authority (ANPD)', url: 'https://www.gov.br/anpd/' },
    effective: null,
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
    ...noAppeal,
    authority: {
      name: 'the Office of the Privacy Commissioner of Canada',
      url: 'https://www.priv.gc.ca/en/report-a-concern/',
    },
    effective: null,
    sources: [
      'PIPEDA s.8(3): respond within 30 days of receipt [P]',
      'PIPEDA s.8(4): extendable by up to 30 days, with notice within the first 30 naming the right to complain to the Commissioner [P]',
    ],
  },
  'CA-QC': {
    firstDeadline: calendarDays(30),
    extension: null,
    pauses: noPause('P-39.1 s.32: 30 days of receipt; the section stops them for nothing [P]'),
    clockStarts: 'receipt',
    acknowledgement: null,
    rollToWorkingDay: false,
    // Montreal and Quebec City share Toronto's zone (America/Montreal is an alias of it).
    timeZone: 'America/Toronto',
    holidayCountry: 'CA-QC',
    ...noAppeal,
    authority: {
      name: "the Commission d'accès à l'information du Québec (CAI)",
      url: 'https://www.cai.gouv.qc.ca/',
    },
    effective: null,
    sources: [
      'P-39.1 s.32: answer within 30 days of receipt; no extension in the section [P]',
      'P-39.1 s.32: no answer within the time limit is a refusal [P]',
      "P-39.1 s.34: a refusal gives the reasons, the provision relied on and the recourse to the Commission d'accès à l'information [S]",
      'Charter of the French language s.55 ff. and Law 96: the requester is served in French [S]',
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
    ...noAppeal,
    authority: null,
    effective: null,
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
  appealWindowDays: number | null;
  appealDecision: Period | null;
  appealExtension: Period | null;
  authority: JurisdictionRule['authority'];
  /** True where the type's row says it is an opt-out in this regime; its clock is the row's, else the regime's. */
  isOptOut: boolean;
  /** Set where the request arrived before the jurisdiction's law took effect: the rule applied instead. */
  beforeEffective: { from: string; appliedRulesOf: Jurisdiction } | null;
}

/**
 * The rule for one jurisdiction and request type. Given `receivedAt`, a request that arrived before
 * the law took effect (`effective`) gets the periods and appeal of the policy default it names,
 * keeping its own zone, calendar and authority; without it, the law's own rule.
 */
export function resolveRule(
  rules: DeadlineRules,
  jurisdiction: Jurisdiction,
  requestType: RequestType,
  receivedAt?: Date,
): ResolvedRule {
  const own = rules[jurisdiction];
  const early =
    receivedAt && own.effective && localDate(receivedAt, own.timeZone) < own.effective.from ? own.effective : null;
  const source = early ? rules[early.before] : own;
  const {
    byRequestType,
    appealWindowDays,
    appealDecision,
    appealExtension,
    sources,
    timeZone: _zone,
    holidayCountry: _calendar,
    authority: _authority,
    effective: _effective,
    ...defaults
  } = source;
  const { optOut = false, ...row } = withoutUndefined(byRequestType?.[requestType] ?? {});
  const isOptOut = optOut === true;
  return {
    ...defaults,
    sources: early
      ? [`received before ${jurisdiction}'s law took effect on ${early.from}: the policy default applies`, ...sources]
      : sources,
    ...row,
    jurisdiction,
    requestType,
    timeZone: own.timeZone,
    holidayCountry: own.holidayCountry,
    appealWindowDays,
    appealDecision,
    appealExtension,
    authority: own.authority,
    isOptOut,
    beforeEffective: early ? { from: early.from, appliedRulesOf: early.before } : null,
  };
}

function localDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() as string;
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
