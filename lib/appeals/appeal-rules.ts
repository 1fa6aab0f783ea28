/**
 * When a requester may appeal, and by when the appeal must be decided. The window to appeal is the
 * regime's `appealDays` in the jurisdiction rules (US-VA and US-CO: 60; null: no appeal step; an
 * operator can give any regime one through DEADLINE_RULES). The decision is due APPEAL_DECISION_DAYS
 * after the appeal's receipt, computed by the same deadline engine as requests (calendar days in the
 * regime's time zone, due at the end of the day).
 */
import { deadlineRules } from '../clock/request-deadline';
import { computeDeadline } from '../deadlines';
import { env } from '../env';
import type { Jurisdiction, RequestStatus, RequestType } from '../universal/codes';

const DAY = 86_400_000;

export type AppealableRequest = {
  jurisdiction: string;
  types: readonly RequestType[];
  status: RequestStatus;
  partial: boolean;
  denialReason: string | null;
  decidedAt: Date | null;
  purgedAt?: Date | null;
};

/** A denial in whole or in part, in a regime with an appeal step, still inside the window. */
export function appealWindow(request: AppealableRequest, now = new Date()): { open: boolean; closesAt: Date | null } {
  const days = deadlineRules()[request.jurisdiction as Jurisdiction]?.appealDays ?? null;
  const denied =
    request.status === 'denied' || (request.status === 'completed' && request.partial && request.denialReason !== null);
  if (!days || !denied || !request.decidedAt || request.purgedAt) return { open: false, closesAt: null };
  const closesAt = new Date(request.decidedAt.getTime() + days * DAY);
  return { open: now < closesAt, closesAt };
}

/** The appeal's own deadline, from its receipt. */
export function appealDeadline(request: { jurisdiction: string; types: readonly RequestType[] }, receivedAt: Date) {
  const jurisdiction = request.jurisdiction as Jurisdiction;
  const rules = deadlineRules();
  const base = rules[jurisdiction];
  const appealRule = {
    ...base,
    firstDeadline: { amount: env().APPEAL_DECISION_DAYS, unit: 'calendarDays' as const },
    extension: null,
    pauses: {
      awaiting_identity: { allowed: false, source: "An appeal decision runs from the appeal's receipt [policy]" },
      awaiting_clarification: { allowed: false, source: "An appeal decision runs from the appeal's receipt [policy]" },
    },
    clockStarts: 'receipt' as const,
    acknowledgement: null,
    byRequestType: undefined,
  };
  return computeDeadline({
    jurisdiction,
    requestType: request.types[0],
    receivedAt,
    rules: { ...rules, [jurisdiction]: appealRule },
  });
}

/** What a rejected appeal must tell the requester (Virginia §59.1-577(C), Colorado 6-1-1306(3)). */
export function appealRejectedNotices(jurisdiction: string): string[] {
  if (jurisdiction === 'US-VA')
    return [
      'If you have concerns about the result of your appeal, you may contact the Virginia Attorney General to submit a complaint: https://www.oag.state.va.us/consumercomplaintform',
    ];
  if (jurisdiction === 'US-CO')
    return [
      'If you have concerns about the result of your appeal, you may contact the Colorado Attorney General: https://coag.gov/file-complaint/',
    ];
  return [];
}
