/**
 * Whether an assignment rule's conditions hold for a request. Each condition is a list; an empty list
 * matches anything, and a request matches a list when it has any of its values.
 */
export type RuleConditions = {
  requestTypes: readonly string[];
  jurisdictions: readonly string[];
  channels: readonly string[];
  locales: readonly string[];
  /** Request tags; a rule without tags matches tagged and untagged requests alike. */
  tags?: readonly string[];
};

export type MatchableRequest = {
  types: readonly string[];
  jurisdiction: string;
  channel: string;
  /** Requests do not carry a language yet: until they do, a rule's languages are not evaluated. */
  locale?: string | null;
  /** The request's tags (request_tag); none when absent. */
  tags?: readonly string[];
};

export function ruleMatches(rule: RuleConditions, request: MatchableRequest): boolean {
  const any = (values: readonly string[], wanted: readonly string[]) =>
    wanted.length === 0 || values.some((v) => wanted.includes(v));
  return (
    any(request.types, rule.requestTypes) &&
    any([request.jurisdiction], rule.jurisdictions) &&
    any([request.channel], rule.channels) &&
    localeMatches(request, rule.locales) &&
    any(request.tags ?? [], rule.tags ?? [])
  );
}

/** "fr" matches "fr" and "fr-CA"; "fr-ca" only "fr-CA". Ignored for a request without a locale property. */
function localeMatches(request: MatchableRequest, wanted: readonly string[]): boolean {
  if (wanted.length === 0 || !('locale' in request)) return true;
  const locale = request.locale?.toLowerCase();
  if (!locale) return false;
  return wanted.some((tag) => locale === tag || locale.startsWith(`${tag}-`));
}
