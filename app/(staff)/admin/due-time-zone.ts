import { requestRules } from '@/lib/clock/request-deadline';

/** The zone whose calendar a request's due day is counted in (a due date is the end of that day there). */
export function dueTimeZone(request: { jurisdiction: string; types: readonly string[] }): string {
  try {
    return requestRules(request as Parameters<typeof requestRules>[0])[0]?.timeZone ?? 'UTC';
  } catch {
    return 'UTC';
  }
}
