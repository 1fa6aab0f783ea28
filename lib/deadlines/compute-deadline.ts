import { DateTime } from 'luxon';
import type { Jurisdiction, RequestType } from '../universal/codes';
import type { Phrase } from '../universal/i18n/phrase';
import {
  addBusinessDays,
  isWeekend,
  isWorkingDay,
  nextWorkingDay,
  publicHolidayNames,
  publicHolidaysBetween,
} from './calendar';
import { describePeriod, formatDate, formatDay, formatInstant, listHolidays, monthName, weekdayName } from './format';
import { dayOf, holidaysPhrase, jurisdictionPhrase, periodPhrase, spanPhrase, step } from './steps';
import { applyPauses, mergePauses, type Pause } from './pauses';
import { DEFAULT_RULES, resolveRule, type ResolvedRule } from './rules';
import { type DeadlineRules, PAUSE_REASONS, type PauseReason, type Period } from './schemas';

export interface ComputeDeadlineOptions {
  jurisdiction: Jurisdiction;
  requestType: RequestType;
  receivedAt: Date;
  /** When identity was confirmed. Used only where the rule's clock starts at verification (UK). */
  verifiedAt?: Date | null;
  /** Times the clock was stopped; counted only where the jurisdiction allows it. */
  pauses?: readonly Pause[];
  /** The extension has been taken: dueAt becomes the extended date. */
  extended?: boolean;
  /** The validated rule table from getRules(); defaults to DEFAULT_RULES. */
  rules?: DeadlineRules;
}

export interface Deadline {
  /** The deadline in force: the end of the due day (23:59:59.999) in `timeZone`. */
  dueAt: Date;
  /** The first deadline, with pauses and roll applied. */
  originalDueAt: Date;
  /** The latest date the extension allows; null where there is no extension. */
  maxExtendedDueAt: Date | null;
  /** Deadline to confirm receipt; null where the law sets none. */
  acknowledgeBy: Date | null;
  timeZone: string;
  /** Whole days the clock was stopped, as counted towards dueAt. */
  pausedDays: number;
  /** Human-readable steps, for staff and for the audit trail. */
  explanation: string[];
  /** The same steps as the requester reads them, in their language (catalog keys `deadline.*`). */
  steps: Phrase[];
}

/**
 * Computes a request's response deadline from the jurisdiction's rule. Pure: the same input gives
 * the same answer; it reads no clock, database or environment.
 * Throws RangeError on an invalid date or a pause that ends before it starts.
 */
export function computeDeadline(options: ComputeDeadlineOptions): Deadline {
  const { jurisdiction, requestType, receivedAt, verifiedAt, pauses = [], extended = false } = options;
  assertValidDate(receivedAt, 'receivedAt');
  if (verifiedAt) assertValidDate(verifiedAt, 'verifiedAt');
  const rule = resolveRule(options.rules ?? DEFAULT_RULES, jurisdiction, requestType, receivedAt);
  const zone = rule.timeZone;
  const explanation = [`received ${formatDay(toLocalDay(receivedAt, zone))} (${zone})`];
  const steps = [step('deadline.received', { day: dayOf(toLocalDay(receivedAt, zone), 'weekday'), zone })];
  if (rule.beforeEffective) {
    explanation.push(
      `the ${jurisdiction} law took effect on ${rule.beforeEffective.from}, after receipt: the ${rule.beforeEffective.appliedRulesOf} policy default applies`,
    );
    steps.push(
      step('deadline.beforeEffective', {
        jurisdiction: jurisdictionPhrase(jurisdiction),
        from: { day: rule.beforeEffective.from },
      }),
    );
  }

  const clockStart = clockStartOf(rule, receivedAt, verifiedAt, explanation, steps);
  const startDay = toLocalDay(clockStart, zone);
  const startLabel = clockStart === receivedAt ? 'receipt' : 'verification';
  const countedPauses = pausesToCount(rule, pauses, clockStart, explanation, steps);

  const first = settleDeadline(rule, landPeriod(startDay, rule.firstDeadline, rule.holidayCountry), countedPauses);
  explanation.push(`${describePeriod(rule.firstDeadline)} -> ${formatDate(first.landing.day)}${first.landing.detail}`);
  explanation.push(...first.notes);
  explanation.push(`due by the end of ${formatDay(first.day)} (23:59 ${zone})`);
  steps.push(
    step('deadline.firstPeriod', {
      period: periodPhrase(rule.firstDeadline),
      date: dayOf(first.landing.day),
      detail: first.landing.detailPhrase,
    }),
    ...first.notePhrases,
    step('deadline.dueBy', { day: dayOf(first.day, 'weekday'), zone }),
  );
  const originalDueAt = endOfLocalDay(first.day, zone);

  let extension: SettledDeadline | null = null;
  if (rule.extension) {
    const { landing, description, descriptionPhrase } = landExtension(
      startDay,
      rule.firstDeadline,
      rule.extension,
      rule.holidayCountry,
      startLabel,
    );
    extension = settleDeadline(rule, landing, countedPauses);
    const shown = extension.notes.length ? formatDate(landing.day) : formatDay(extension.day);
    explanation.push(`extension limit: ${description} -> ${shown}${landing.detail}`);
    explanation.push(...extension.notes.map((note) => `extension limit: ${note}`));
    steps.push(
      step('deadline.extensionLimit', {
        description: descriptionPhrase,
        date: dayOf(extension.notes.length ? landing.day : extension.day, extension.notes.length ? 'date' : 'weekday'),
        detail: landing.detailPhrase,
      }),
      ...extension.notePhrases.map((note) => step('deadline.extensionNote', { note })),
    );
  } else {
    explanation.push(`no extension allowed in ${jurisdiction}`);
    steps.push(step('deadline.noExtension'));
  }
  const maxExtendedDueAt = extension ? endOfLocalDay(extension.day, zone) : null;

  const inForce = extended && extension ? extension : first;
  if (extended) {
    explanation.push(
      extension
        ? `extended: due by the end of ${formatDay(extension.day)} (23:59 ${zone})`
        : `extension requested, but ${jurisdiction} allows none: the due date stays`,
    );
    steps.push(
      extension
        ? step('deadline.extended', { day: dayOf(extension.day, 'weekday'), zone })
        : step('deadline.extensionRefused'),
    );
  }

  let acknowledgeBy: Date | null = null;
  if (rule.acknowledgement) {
    // Counted from receipt: the confirmation is what tells the requester how verification works.
    const landing = landPeriod(toLocalDay(receivedAt, zone), rule.acknowledgement, rule.holidayCountry);
    const day = rule.rollToWorkingDay ? nextWorkingDay(landing.day, rule.holidayCountry) : landing.day;
    explanation.push(
      `acknowledge receipt within ${describePeriod(rule.acknowledgement)} -> ${formatDay(day)}${landing.detail}`,
    );
    steps.push(
      step('deadline.acknowledge', {
        period: periodPhrase(rule.acknowledgement),
        day: dayOf(day, 'weekday'),
        detail: landing.detailPhrase,
      }),
    );
    acknowledgeBy = endOfLocalDay(day, zone);
  }

  return {
    dueAt: extended && maxExtendedDueAt ? maxExtendedDueAt : originalDueAt,
    originalDueAt,
    maxExtendedDueAt,
    acknowledgeBy,
    timeZone: zone,
    pausedDays: inForce.pausedDays,
    explanation,
    steps,
  };
}

// Local calendar days are held as UTC-midnight DateTimes, so date arithmetic never meets a DST gap.
function toLocalDay(instant: Date, zone: string): DateTime {
  const local = DateTime.fromJSDate(instant, { zone });
  return DateTime.utc(local.year, local.month, local.day);
}

function endOfLocalDay(day: DateTime, zone: string): Date {
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day }, { zone }).endOf('day').toJSDate();
}

function assertValidDate(value: Date, name: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new RangeError(`${name} is not a valid date`);
}

function clockStartOf(
  rule: ResolvedRule,
  receivedAt: Date,
  verifiedAt: Date | null | undefined,
  explanation: string[],
  steps: Phrase[],
): Date {
  if (!verifiedAt || verifiedAt <= receivedAt) return receivedAt;
  const verifiedDay = formatDay(toLocalDay(verifiedAt, rule.timeZone));
  const day = dayOf(toLocalDay(verifiedAt, rule.timeZone), 'weekday');
  if (rule.clockStarts === 'verification') {
    explanation.push(`clock starts when identity was verified: ${verifiedDay}`);
    steps.push(step('deadline.clockStartsAtVerification', { day }));
    return verifiedAt;
  }
  explanation.push(`verified ${verifiedDay}; in ${rule.jurisdiction} the clock runs from receipt regardless`);
  steps.push(step('deadline.verifiedClockFromReceipt', { day }));
  return receivedAt;
}

function pausesToCount(
  rule: ResolvedRule,
  pauses: readonly Pause[],
  clockStart: Date,
  explanation: string[],
  steps: Phrase[],
): Pause[] {
  const refused = mergePauses(
    pauses.filter((p) => !rule.pauses[p.reason].allowed),
    clockStart,
  );
  if (refused.length > 0) {
    const none = PAUSE_REASONS.every((reason) => !rule.pauses[reason].allowed);
    explanation.push(
      none
        ? `clock pauses ignored: the clock does not stop in ${rule.jurisdiction}`
        : `clock pauses ignored: ${[...new Set(refused.map((p) => PAUSE_REASON_WORDS[p.reason]))].join(' and ')} does not stop the clock of ${rule.requestType} requests in ${rule.jurisdiction}`,
    );
    const reasons = [...new Set(refused.map((p) => p.reason))];
    steps.push(
      none
        ? step('deadline.pausesIgnoredNone')
        : step('deadline.pausesIgnored', {
            reasons: { list: reasons.map((reason) => step(`deadline.pauseReason.${reason}`)) },
            count: reasons.length,
          }),
    );
  }
  return mergePauses(
    pauses.filter((p) => rule.pauses[p.reason].allowed),
    clockStart,
  );
}

/** How an explanation names a pause reason. */
export const PAUSE_REASON_WORDS: Record<PauseReason, string> = {
  awaiting_identity: 'waiting for proof of identity',
  awaiting_clarification: 'waiting for a clarification',
};

interface Landing {
  day: DateTime;
  /** Why the period landed there, e.g. ", no 31 Feb so the last day of the month". */
  detail: string;
  /** The same for the requester; '' when there is nothing to say. */
  detailPhrase: Phrase | '';
}

/** Where a period counted from `start` ends, before pauses and any roll. */
function landPeriod(start: DateTime, period: Period, holidayCountry: string | null): Landing {
  if (period.unit === 'months') {
    // Luxon clamps to the month's last day: 31 Jan + 1 month = 28 Feb (29 in a leap year).
    const day = start.plus({ months: period.amount });
    const clamped = day.day !== start.day;
    return {
      day,
      detail: clamped ? `, no ${start.day} ${monthName(day)} so the last day of the month` : '',
      detailPhrase: clamped ? step('deadline.detail.clamped', { day: start.day, month: dayOf(day, 'monthName') }) : '',
    };
  }
  if (period.unit === 'calendarDays') return { day: start.plus({ days: period.amount }), detail: '', detailPhrase: '' };
  const day = addBusinessDays(start, period.amount, holidayCountry);
  const skipped = publicHolidaysBetween(start.plus({ days: 1 }), day, holidayCountry).filter(
    ({ date }) => !isWeekend(DateTime.fromISO(date, { zone: 'utc' })),
  );
  return {
    day,
    detail: `, skipping weekends${skipped.length ? ` and ${listHolidays(skipped)}` : ''}`,
    detailPhrase: skipped.length
      ? step('deadline.detail.skippingHolidays', { holidays: holidaysPhrase(skipped) })
      : step('deadline.detail.skippingWeekends'),
  };
}

/**
 * The outer limit of the extension, counted from the clock start as one period where the units
 * match (UK: three months from receipt, not one month then two), else after the first deadline.
 */
function landExtension(
  start: DateTime,
  first: Period,
  extension: Period,
  holidayCountry: string | null,
  startLabel: string,
) {
  if (first.unit === extension.unit) {
    const total = { amount: first.amount + extension.amount, unit: first.unit };
    return {
      landing: landPeriod(start, total, holidayCountry),
      description: `up to ${describePeriod(extension)} more (${describePeriod(total)} from ${startLabel})`,
      descriptionPhrase: step('deadline.extension.sameUnit', {
        extension: periodPhrase(extension),
        total: periodPhrase(total),
        start: startLabel,
      }),
    };
  }
  return {
    landing: landPeriod(landPeriod(start, first, holidayCountry).day, extension, holidayCountry),
    description: `up to ${describePeriod(extension)} more after the first deadline`,
    descriptionPhrase: step('deadline.extension.afterFirst', { extension: periodPhrase(extension) }),
  };
}

interface SettledDeadline {
  landing: Landing;
  /** The due day after pauses and roll. */
  day: DateTime;
  pausedDays: number;
  notes: string[];
  /** The same notes for the requester. */
  notePhrases: Phrase[];
}

/** Applies pauses, then the roll to a working day; notes say what moved the date and why. */
function settleDeadline(rule: ResolvedRule, landing: Landing, pauses: readonly Pause[]): SettledDeadline {
  const notes: string[] = [];
  const notePhrases: Phrase[] = [];
  const rolled = (day: DateTime) => (rule.rollToWorkingDay ? nextWorkingDay(day, rule.holidayCountry) : day);
  const paused = applyPauses(landing.day, pauses, (day) => endOfLocalDay(rolled(day), rule.timeZone));
  const span = (pause: Pause) =>
    `${formatInstant(DateTime.fromJSDate(pause.from, { zone: rule.timeZone }))} – ${formatInstant(DateTime.fromJSDate(pause.to, { zone: rule.timeZone }))}`;
  if (paused.counted.length > 0) {
    const spans = paused.counted.map(span).join('; ');
    notes.push(
      paused.pausedDays > 0
        ? `clock paused ${paused.pausedDays} ${paused.pausedDays === 1 ? 'day' : 'days'} (${spans}) -> ${formatDate(paused.day)}`
        : `clock paused less than a whole day (${spans}); no change`,
    );
    const spanList = { list: paused.counted.map((p) => spanPhrase(p, rule.timeZone)), type: 'unit' as const };
    notePhrases.push(
      paused.pausedDays > 0
        ? step('deadline.note.paused', { days: paused.pausedDays, spans: spanList, date: dayOf(paused.day) })
        : step('deadline.note.pausedLess', { spans: spanList }),
    );
  }
  for (const pause of paused.ignored) {
    notes.push(`pause ${span(pause)} not counted: it began after the deadline had passed`);
    notePhrases.push(step('deadline.note.pauseLate', { span: spanPhrase(pause, rule.timeZone) }));
  }

  const day = paused.day;
  if (isWorkingDay(day, rule.holidayCountry))
    return { landing, day, pausedDays: paused.pausedDays, notes, notePhrases };
  const holiday = publicHolidayNames(day, rule.holidayCountry);
  const reason = holiday
    ? `${holiday.names.en}, ${isWeekend(day) ? `a ${weekdayName(day)}` : 'a public holiday'}`
    : `a ${weekdayName(day)}`;
  const weekday = dayOf(day, 'weekdayName');
  const reasonPhrase = holiday
    ? isWeekend(day)
      ? step('deadline.reason.holidayOnWeekend', { holiday, weekday })
      : step('deadline.reason.holiday', { holiday })
    : step('deadline.reason.weekend', { weekday });
  if (!rule.rollToWorkingDay) {
    notes.push(`${reason}; not moved, as deadlines in ${rule.jurisdiction} do not roll to a working day`);
    notePhrases.push(step('deadline.note.notRolled', { reason: reasonPhrase }));
    return { landing, day, pausedDays: paused.pausedDays, notes, notePhrases };
  }
  const next = rolled(day);
  const alsoSkipped = publicHolidaysBetween(day.plus({ days: 1 }), next.minus({ days: 1 }), rule.holidayCountry);
  notes.push(
    `${reason} -> next working day ${formatDay(next)}${alsoSkipped.length ? `, also skipping ${listHolidays(alsoSkipped)}` : ''}`,
  );
  notePhrases.push(
    step('deadline.note.rolled', {
      reason: reasonPhrase,
      day: dayOf(next, 'weekday'),
      also: alsoSkipped.length ? step('deadline.detail.alsoSkipping', { holidays: holidaysPhrase(alsoSkipped) }) : '',
    }),
  );
  return { landing, day: next, pausedDays: paused.pausedDays, notes, notePhrases };
}
