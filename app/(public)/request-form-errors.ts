import type { SummaryError } from '@/app/components/error-summary';
import { fieldId, REQUEST_FIELD_PATHS } from './request-form-values';

/** The summary: messages in the order the form shows its fields; any we cannot place go last, unlinked. */
export function summaryErrors(errors: Record<string, string[]>, formError?: string): SummaryError[] {
  const known = new Set<string>(REQUEST_FIELD_PATHS);
  const out: SummaryError[] = formError ? [{ message: formError }] : [];
  for (const path of REQUEST_FIELD_PATHS) {
    for (const message of errors[path] ?? []) out.push({ message, fieldId: fieldId(path) });
  }
  for (const [path, messages] of Object.entries(errors)) {
    if (!known.has(path)) for (const message of messages) out.push({ message });
  }
  return out;
}

/** An error on one element of a list ("types.0") belongs to the list. */
export function normaliseErrorPaths(errors: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(errors)) {
    const key = path.replace(/\.\d+$/, '');
    out[key] = [...(out[key] ?? []), ...messages];
  }
  return out;
}
