import { staffTimeZone } from './request-deadline';
import { formatPublicDate } from '../deadlines/zoned-day';
import type { RequestType } from '../universal/codes';

/** "27 November 2026 (America/New_York)": a due date in a staff notice, with the zone it is read in. */
export function formatZonedDueDate(request: {
  jurisdiction: string;
  types: readonly RequestType[];
  dueAt: Date;
}): string {
  const zone = staffTimeZone(request);
  return `${formatPublicDate(request.dueAt, zone)} (${zone})`;
}
