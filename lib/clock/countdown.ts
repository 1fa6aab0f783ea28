const DAY = 86_400_000;

/** How close an open deadline is (a request's, or a pending appeal's). */
export function openCountdown(dueAt: Date, now: Date): 'overdue' | 'due_soon' | 'on_track' {
  if (dueAt < now) return 'overdue';
  return dueAt.getTime() - now.getTime() <= 7 * DAY ? 'due_soon' : 'on_track';
}
