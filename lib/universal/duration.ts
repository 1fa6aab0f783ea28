/**
 * How long something lasts, in the words a requester reads: whole days from two days up ("10 days"),
 * hours below that or when the hours are not whole days ("24 hours", "36 hours"). Browser-safe.
 */
export function formatHours(hours: number): string {
  if (hours >= 48 && hours % 24 === 0) return `${hours / 24} days`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}
