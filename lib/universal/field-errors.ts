import type * as z from 'zod/mini';

/** Per-field messages keyed by dotted path ("agent.email"), the shape the API and the form both show. */
export function fieldErrors(
  error: z.core.$ZodError,
  /** Words for an issue: the request schema's messages are catalog keys (./i18n/validation.ts). */
  messageOf: (issue: z.core.$ZodIssue) => string = (issue) => issue.message,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    out[key] = [...(out[key] ?? []), messageOf(issue)];
  }
  return out;
}
