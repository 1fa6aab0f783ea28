import { DateTime } from 'luxon';
import { computeDeadline, type Deadline, getRules, type PauseReason, resolveRule } from '../deadlines';
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
  /** The types staff already completed: their clocks no longer make the request due. */
  completedTypes?: readonly RequestType[];
  receivedAt: Date;
  verifiedAt?: Date | null;
  extendedAt?: Date | null;
  pauses?: readonly { startedAt: Date; endedAt: Date | null; reason: PauseReason }[];
};

/** One type's own clock within a request: its due date, acknowledgement and extension limit. */
export type TypeDeadline = Deadline & { requestType: RequestType; completed: boolean };

/**
 * Every type's own clock. A request may combine types whose clocks differ (a California opt-out runs
 * 15 business days with no acknowledgement and no extension, access 45 days with both): each keeps
 * its own. The extension, once taken, moves the types whose rule has one. A pause still open counts
 * up to `now`, for the types whose rule lets that reason stop the clock.
 */
export function typeDeadlines(request: ClockedRequest, now = new Date()): TypeDeadline[] {
  const firstClock = !request.verifiedAt && !request.extendedAt && !request.pauses?.length;
  const pauses = (request.pauses ?? []).map((p) => ({ from: p.startedAt, to: p.endedAt ?? now, reason: p.reason }));
  const completed = new Set(request.completedTypes ?? []);
  return request.types.map((requestType) => ({
    ...(firstClock
      ? firstClockDeadline(request.jurisdiction as Jurisdiction, requestType, request.receivedAt)
      : computeDeadline({
          jurisdiction: request.jurisdiction as Jurisdiction,
          requestType,
          receivedAt: request.receivedAt,
          verifiedAt: request.verifiedAt ?? null,
          pauses,
          extended: Boolean(request.extendedAt),
          rules: deadlineRules(),
        })),
    requestType,
    completed: completed.has(requestType),
  }));
}

/**
 * The deadline the request shows: that of its nearest open type (the latest once every one is
 * done), with that clock's explanation. The acknowledgement is owed when any type's law asks for
 * one, by the earliest such date, whichever type is nearest. `types` lists every type's own clock.
 */
export function requestDeadline(request: ClockedRequest, now = new Date()) {
  const types = typeDeadlines(request, now);
  const open = types.filter((d) => !d.completed);
  // Once every type is done (a request reopened after completion), the last clock to close stays.
  const nearest =
    open.length > 0
      ? open.reduce((earliest, d) => (d.dueAt < earliest.dueAt ? d : earliest))
      : types.reduce((latest, d) => (d.dueAt > latest.dueAt ? d : latest));
  const acknowledgeBy = types
    .map((d) => d.acknowledgeBy)
    .filter((date): date is Date => date !== null)
    .reduce<Date | null>((earliest, date) => (earliest && earliest <= date ? earliest : date), null);
  const { requestType: _type, completed: _completed, ...deadline } = nearest;
  return { ...deadline, acknowledgeBy, types };
}

/** The types still open, in the request's order. */
export function openTypes(request: Pick<ClockedRequest, 'types' | 'completedTypes'>): RequestType[] {
  const completed = new Set(request.completedTypes ?? []);
  return request.types.filter((t) => !completed.has(t));
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
    steps: [...deadline.steps],
  };
}

/**
 * The zone whose calendar a request's days are read in (its due date is the end of a day there): the
 * zone of its jurisdiction's rules. Requester-facing dates use it.
 */
export function requestTimeZone(request: Pick<ClockedRequest, 'jurisdiction' | 'types'>): string {
  // Every type's rule takes its zone from the jurisdiction (resolveRule): no need to resolve one per
  // type, which copies the rule and which the queue would otherwise do twice for each of its rows.
  return deadlineRules()[request.jurisdiction as Jurisdiction].timeZone;
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
