import { computeDeadline, getRules } from '../deadlines';
import { env } from '../env';
import type { Jurisdiction, RequestType } from './codes';

let rules: ReturnType<typeof getRules> | undefined;

/** The jurisdiction rules in force: the built-in table with the operator's DEADLINE_RULES overrides. */
export function deadlineRules() {
  rules ??= getRules(env().DEADLINE_RULES ? JSON.parse(env().DEADLINE_RULES!) : undefined);
  return rules;
}

/**
 * A request may combine types whose clocks differ (a California opt-out runs 15 business days, access
 * 45 days): the request is due when its earliest clock runs out, and that clock's explanation is kept.
 */
export function computeRequestDeadline(options: {
  jurisdiction: Jurisdiction;
  types: readonly RequestType[];
  receivedAt: Date;
  verifiedAt?: Date | null;
  pauses?: { from: Date; to: Date }[];
  extended?: boolean;
}) {
  const deadlines = options.types.map((requestType) =>
    computeDeadline({ ...options, requestType, rules: deadlineRules() }),
  );
  return deadlines.reduce((earliest, d) => (d.dueAt < earliest.dueAt ? d : earliest));
}
