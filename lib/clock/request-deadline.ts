import { DateTime } from 'luxon';
import { computeDeadline, type Deadline, getRules, resolveRule } from '../deadlines';
import { env } from '../env';
import type { Jurisdiction, RequestType } from '../universal/codes';

let rules: ReturnType<typeof getRules> | undefined;

/** The jurisdiction rules in force: the built-in table with the operator's DEADLINE_RULES overrides. */
export function deadlineRules() {
  rules ??= getRules(env().DEADLINE_RULES ? JSON.parse(env().DEADLINE_RULES!) : undefined);
  return rules;
}

export type ClockedRequest = {
  jurisdiction: string;
  types: readonly RequestType[];
  receivedAt: Date;
  verifiedAt?: Date | null;
  extendedAt?: Date | null;
  pauses?: readonly { startedAt: Date; endedAt: Date | null }[];
};

/**
 * The deadline in force for a request. A request may combine types whose clocks differ (a California
 * opt-out runs 15 business days, access 45 days): it is due when its earliest clock runs out, and
 * that clock's explanation is the one shown. A pause still open counts up to `now`.
 */
export function requestDeadline(request: ClockedRequest, now = new Date()) {
  const firstClock = !request.verifiedAt && !request.extendedAt && !request.pauses?.length;
  const pauses = (request.pauses ?? []).map((p) => ({ from: p.startedAt, to: p.endedAt ?? now }));
  const deadlines = request.types.map((requestType) =>
    firstClock
      ? firstClockDeadline(request.jurisdiction as Jurisdiction, requestType, request.receivedAt)
      : computeDeadline({
          jurisdiction: request.jurisdiction as Jurisdiction,
          requestType,
          receivedAt: request.receivedAt,
          verifiedAt: request.verifiedAt ?? null,
          pauses,
          extended: Boolean(request.extendedAt),
          rules: deadlineRules(),
        }),
  );
  return deadlines.reduce((earliest, d) => (d.dueAt < earliest.dueAt ? d : earliest));
}

const firstClockByDay = new Map<string, Deadline>();

/**
 * The deadline of a request on its first clock (not verified, never paused or extended) depends only
 * on the calendar day it arrived in the rule's time zone, and every submission of that day asks the
 * same question: computed once per jurisdiction, type and day, where a computation walks the
 * holiday calendar for 1-2 ms. Callers get their own copy.
 */
function firstClockDeadline(jurisdiction: Jurisdiction, requestType: RequestType, receivedAt: Date): Deadline {
  const rules = deadlineRules();
  const day = DateTime.fromJSDate(receivedAt, {
    zone: resolveRule(rules, jurisdiction, requestType).timeZone,
  }).toISODate();
  const key = `${jurisdiction}|${requestType}|${day}`;
  let deadline = firstClockByDay.get(key);
  if (!deadline) {
    deadline = computeDeadline({
      jurisdiction,
      requestType,
      receivedAt,
      verifiedAt: null,
      pauses: [],
      extended: false,
      rules,
    });
    if (firstClockByDay.size >= 1000) firstClockByDay.clear();
    firstClockByDay.set(key, deadline);
  }
  const copy = (date: Date | null) => date && new Date(date);
  return {
    ...deadline,
    dueAt: new Date(deadline.dueAt),
    originalDueAt: new Date(deadline.originalDueAt),
    maxExtendedDueAt: copy(deadline.maxExtendedDueAt),
    acknowledgeBy: copy(deadline.acknowledgeBy),
    explanation: [...deadline.explanation],
  };
}

/**
 * The zone whose calendar a request's days are read in (its due date is the end of a day there): the
 * zone of its jurisdiction's rules. Requester-facing dates use it.
 */
export function requestTimeZone(request: Pick<ClockedRequest, 'jurisdiction' | 'types'>): string {
  return requestRules(request)[0].timeZone;
}

/** The zone staff read a request's dates in: STAFF_TIME_ZONE when configured, else the request's own. */
export function staffTimeZone(request?: Pick<ClockedRequest, 'jurisdiction' | 'types'>): string {
  return env().STAFF_TIME_ZONE ?? (request ? requestTimeZone(request) : 'UTC');
}

/**
 * The rule of each of the request's types, for questions such as "may this clock pause?" or "may
 * this refusal be appealed?". With `receivedAt`, a request that arrived before its state's law took
 * effect gets the policy default (resolveRule).
 */
export function requestRules(request: Pick<ClockedRequest, 'jurisdiction' | 'types'> & { receivedAt?: Date }) {
  return request.types.map((t) =>
    resolveRule(deadlineRules(), request.jurisdiction as Jurisdiction, t, request.receivedAt),
  );
}
