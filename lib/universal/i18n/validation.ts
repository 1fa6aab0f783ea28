/**
 * The shared schema's messages are catalog keys (`validation.email.invalid`): the form's island and
 * the server turn an issue into words with the same function and the same catalog, so a requester
 * reads the same message, in the same language, whichever of the two caught the mistake. Zod's
 * own messages (a message that is not a key) pass through unchanged.
 */
import type { Translator } from './translator';

/** The longest each field may be: the schema checks it, and its message says it (`{max}`). */
export const FIELD_LIMITS = {
  email: 254,
  accountEmail: 254,
  agentEmail: 254,
  name: 200,
  agentName: 200,
  details: 5000,
} as const;

const limitOf = (key: string): number => {
  const field = key.split('.')[1];
  return Object.hasOwn(FIELD_LIMITS, field) ? FIELD_LIMITS[field as keyof typeof FIELD_LIMITS] : 0;
};

export function localizeIssue(t: Translator, issue: { message: string }): string {
  if (!t.has(issue.message)) return issue.message;
  return t(issue.message, { max: limitOf(issue.message) });
}
