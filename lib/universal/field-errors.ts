import type * as z from 'zod/mini';

/** Per-field messages keyed by dotted path ("agent.email"), the shape the API and the form both show. */
export function fieldErrors(error: z.core.$ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}
