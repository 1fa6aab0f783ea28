import { calendarDaysUntil } from '../deadlines/zoned-day';

/** How close an open deadline is, as the queue shows it; `closed` once the request is answered. */
export type Countdown = 'overdue' | 'due_soon' | 'on_track' | 'closed';

/** Statuses whose deadline is still running. */
const OPEN_STATUSES: ReadonlySet<string> = new Set(['verified', 'in_progress', 'awaiting_requester', 'unverified']);

/** Within this many calendar days of the due day, a deadline is "due soon". */
export const DUE_SOON_DAYS = 7;

export function countdown(status: string, dueAt: Date, now: Date, timeZone: string): Countdown {
  return OPEN_STATUSES.has(status) ? openCountdown(dueAt, now, timeZone) : 'closed';
}

/** How close an open deadline is (a request's, or a pending appeal's), in calendar days of its zone. */
export function openCountdown(dueAt: Date, now: Date, timeZone: string): Exclude<Countdown, 'closed'> {
  if (dueAt < now) return 'overdue';
  return calendarDaysUntil(dueAt, now, timeZone) <= DUE_SOON_DAYS ? 'due_soon' : 'on_track';
}

/** "5 days overdue", "due today", "due in 1 day": calendar days in the deadline's zone. */
export function describeCountdown(dueAt: Date, now: Date, timeZone: string): string {
  const days = calendarDaysUntil(dueAt, now, timeZone);
  if (days < 0) return `${-days} day${days === -1 ? '' : 's'} overdue`;
  if (days === 0) return dueAt < now ? 'overdue today' : 'due today';
  return `due in ${days} day${days === 1 ? '' : 's'}`;
}
