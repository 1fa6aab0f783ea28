/**
 * When a requester may appeal, and by when the appeal must be decided, per regime from the
 * jurisdiction rules (lib/deadlines/rules.ts, rights-law.md §5): `appealDecision` null means no
 * appeal step; `appealWindowDays` is the time to file after the decision (policy: the statutes say
 * "a reasonable period"; null, no limit); `appealDecision` the time to decide from the appeal's
 * receipt and `appealExtension` its one extension (Colorado 45 + 60). Computed by the same deadline
 * engine as requests (calendar days in the regime's time zone, due at the end of the day).
 */
import { deadlineRules, requestRules } from '../clock/request-deadline';
import { computeDeadline } from '../deadlines';
import type { DeadlineRules } from '../deadlines/schemas';
import type { Jurisdiction, RequestStatus, RequestType } from '../universal/codes';
import { authorityPhrase } from '../universal/i18n/authority-names';
import { type Phrase, phrase } from '../universal/i18n/phrase';

const DAY = 86_400_000;

export type AppealableRequest = {
  jurisdiction: string;
  types: readonly RequestType[];
  receivedAt: Date;
  status: RequestStatus;
  partial: boolean;
  denialReason: string | null;
  decidedAt: Date | null;
  purgedAt?: Date | null;
};

type RegimeOf = { jurisdiction: string; types: readonly RequestType[]; receivedAt: Date };

/** The regime's appeal step for this request (a request received before its state's law took effect has none). */
export function appealRule(request: RegimeOf) {
  const [rule] = requestRules(request);
  return {
    windowDays: rule.appealWindowDays,
    decision: rule.appealDecision,
    extension: rule.appealExtension,
    authority: rule.authority,
    timeZone: rule.timeZone,
  };
}

/** A denial in whole or in part, in a regime with an appeal step, still inside the window. */
export function appealWindow(request: AppealableRequest, now = new Date()): { open: boolean; closesAt: Date | null } {
  const rule = appealRule(request);
  const denied =
    request.status === 'denied' || (request.status === 'completed' && request.partial && request.denialReason !== null);
  if (!rule.decision || !denied || !request.decidedAt || request.purgedAt) return { open: false, closesAt: null };
  if (rule.windowDays === null) return { open: true, closesAt: null };
  const closesAt = new Date(request.decidedAt.getTime() + rule.windowDays * DAY);
  return { open: now < closesAt, closesAt };
}

/**
 * The appeal's own deadline, from its receipt; `extended` once the regime's extension is taken.
 * Throws where the regime has no appeal step (callers check appealWindow first).
 */
export function appealDeadline(request: RegimeOf, appealReceivedAt: Date, options: { extended?: boolean } = {}) {
  const jurisdiction = request.jurisdiction as Jurisdiction;
  const rule = appealRule(request);
  if (!rule.decision) throw new Error(`${jurisdiction} has no appeal step for this request`);
  const rules = deadlineRules();
  const appealRules: DeadlineRules = {
    ...rules,
    [jurisdiction]: {
      ...rules[jurisdiction],
      firstDeadline: rule.decision,
      extension: rule.extension,
      pauses: {
        awaiting_identity: { allowed: false, source: "An appeal decision runs from the appeal's receipt [policy]" },
        awaiting_clarification: {
          allowed: false,
          source: "An appeal decision runs from the appeal's receipt [policy]",
        },
      },
      clockStarts: 'receipt',
      acknowledgement: null,
      effective: null,
      byRequestType: undefined,
    },
  };
  return computeDeadline({
    jurisdiction,
    requestType: request.types[0],
    receivedAt: appealReceivedAt,
    extended: options.extended ?? false,
    rules: appealRules,
  });
}

/** What a rejected appeal must tell the requester: where to complain (Va. Code §59.1-577(C), C.R.S. 6-1-1306(3)(c)). */
export function appealRejectedNotices(request: RegimeOf): Phrase[] {
  const { authority, decision } = appealRule(request);
  if (!decision || !authority) return [];
  const name = authorityPhrase({ name: authority.name });
  return [
    authority.url
      ? phrase('legal.appealRejectedAt', { authority: name, url: authority.url })
      : phrase('legal.appealRejected', { authority: name }),
  ];
}
