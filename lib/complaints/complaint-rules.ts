/**
 * The clock of a complaint about our processing, per regime, as data with sources
 * (docs/rights-law.md "Complaints to us"). The UK's DPA 2018 s.164A (inserted by the Data (Use and
 * Access) Act 2025 s.103, in force from 19 June 2026) makes a controller acknowledge a complaint within
 * 30 days beginning when it is received, and respond and tell the outcome "without undue delay". No
 * other regime the portal serves has such a duty; the policy offers the same channel and clock to every
 * requester, because a complaint is cheaper answered than escalated, and one procedure is simpler to run.
 */
import { DateTime } from 'luxon';
import { deadlineRules } from '../clock/request-deadline';
import type { Jurisdiction } from '../universal/codes';
import { type Phrase, phrase } from '../universal/i18n/phrase';

export type ComplaintRule = {
  /** Acknowledge within this many days, the day of receipt counting as the first. */
  acknowledgeDays: number;
  /** The target for the outcome, where the law says only "without undue delay". */
  respondDays: number;
  /** The authority a complainant who is not satisfied may turn to, named in our emails. */
  authority: string | null;
  /** The same, as the requester reads it in their language (the status page and the emails). */
  authorityNotice: Phrase | null;
  sources: string[];
};

/** The day s.164A comes into force: complaints received before it follow the policy alone. */
export const UK_COMPLAINTS_DUTY_FROM = new Date('2026-06-19T00:00:00+01:00');

const POLICY: ComplaintRule = {
  acknowledgeDays: 30,
  respondDays: 30,
  authority: null,
  authorityNotice: null,
  sources: [
    'Policy: every requester may complain from the status page; acknowledged within 30 days, outcome targeted within 30 days [policy]',
  ],
};

export const COMPLAINT_RULES: Partial<Record<Jurisdiction, ComplaintRule>> = {
  UK: {
    acknowledgeDays: 30,
    respondDays: 30,
    authority:
      'If you are not satisfied with how we handle your complaint, you can complain to the Information Commissioner’s Office: https://ico.org.uk/make-a-complaint/',
    authorityNotice: phrase('legal.complaintUnsatisfied.uk', { url: 'https://ico.org.uk/make-a-complaint/' }),
    sources: [
      'DPA 2018 s.164A(2): facilitate complaints, e.g. a form that can be completed electronically [P]',
      'DPA 2018 s.164A(3): acknowledge receipt within the period of 30 days beginning when the complaint is received [P]',
      'DPA 2018 s.164A(4)-(5): without undue delay, respond (enquiries, progress) and tell the outcome [P]; 30 days is our target [policy]',
      'Data (Use and Access) Act 2025 (Commencement No. 6 ...) Regulations 2026: s.164A in force 19 June 2026 [S]',
    ],
  },
};

export function complaintRule(jurisdiction: string, receivedAt: Date): ComplaintRule {
  if (jurisdiction === 'UK' && receivedAt >= UK_COMPLAINTS_DUTY_FROM) return COMPLAINT_RULES.UK!;
  return POLICY;
}

/**
 * The complaint's two dates: the end of the last day of each period, counted in the regime's time zone
 * with the day of receipt as day one ("30 days beginning when the complaint is received").
 */
export function complaintDeadlines(jurisdiction: string, receivedAt: Date) {
  const rule = complaintRule(jurisdiction, receivedAt);
  const timeZone = deadlineRules()[jurisdiction as Jurisdiction]?.timeZone ?? 'UTC';
  const firstDay = DateTime.fromJSDate(receivedAt, { zone: timeZone }).startOf('day');
  const lastDayOf = (days: number) =>
    firstDay
      .plus({ days: days - 1 })
      .endOf('day')
      .toJSDate();
  return {
    rule,
    timeZone,
    acknowledgeBy: lastDayOf(rule.acknowledgeDays),
    respondBy: lastDayOf(rule.respondDays),
  };
}
