/**
 * Words and dates as the staff workspace shows them. Fixed locale and explicit time zones, so a
 * page reads the same whatever the server's settings. Client components use it too: keep it free
 * of server code.
 */
import type { QueueRow } from '@/lib/requests/staff/list-requests';
import type { RequestStatus, RequestType } from '@/lib/universal/codes';

export const STATUS_LABELS: Record<RequestStatus, string> = {
  unverified: 'Unverified',
  verified: 'Verified, not started',
  in_progress: 'In progress',
  awaiting_requester: 'Waiting for requester',
  completed: 'Completed',
  denied: 'Denied',
  withdrawn: 'Withdrawn',
  expired: 'Expired unconfirmed',
};

/** Short enough for a table cell; the request form's labels are written for requesters. */
export const TYPE_LABELS: Record<RequestType, string> = {
  access: 'Access',
  correction: 'Correction',
  deletion: 'Deletion',
  export: 'Export',
  restriction: 'Restriction',
  objection: 'Objection',
  unsubscribe: 'Unsubscribe',
  opt_out_sale: 'Opt-out of sale/sharing',
  limit_sensitive: 'Limit sensitive data',
};

export const COUNTDOWN_LABELS: Record<QueueRow['countdown'], string> = {
  overdue: 'Overdue',
  due_soon: 'Due within 7 days',
  on_track: 'On track',
  closed: 'Closed',
};

export const ROLE_LABELS = { admin: 'Admin', reviewer: 'Reviewer', viewer: 'Viewer' } as const;

export const PAUSE_REASON_LABELS = {
  awaiting_identity: 'Waiting for proof of identity',
  awaiting_clarification: 'Waiting for clarification',
} as const;

const EVENT_LABELS: Record<string, string> = {
  'request.submitted': 'Request submitted',
  'request.verified': 'Email confirmed by the requester',
  'request.acknowledged': 'Receipt acknowledged',
  'request.started': 'Work started',
  'request.assigned': 'Assigned',
  'request.unassigned': 'Unassigned',
  'request.asked_requester': 'Requester asked for information',
  'request.requester_replied': 'Requester replied',
  'request.completed': 'Completed',
  'request.types_completed': 'Part of the request completed',
  'request.denied': 'Denied',
  'request.partially_denied': 'Partially denied',
  'request.reopened': 'Reopened',
  'request.withdrawn': 'Withdrawn by the requester',
  'request.expired': 'Expired unconfirmed',
  'verification.reminded': 'Reminder to confirm sent',
  'requester.revealed': 'Requester details revealed',
  'staff-api.called': 'Staff API call (with an API key)',
  'verification.resent': 'Confirmation link sent again',
  'deadline.extended': 'Deadline extended',
  'clock.paused': 'Clock paused',
  'clock.resumed': 'Clock resumed',
  'clock.pause_not_allowed': 'Clock not paused (not allowed for this reason here)',
  'note.added': 'Note added',
  'request.tag_added': 'Tag added',
  'request.tag_removed': 'Tag removed',
  'request.assignment_rule_found_no_one': 'Assignment rule found no one free',
};

export function eventLabel(action: string): string {
  return EVENT_LABELS[action] ?? action.replace(/[._]/g, ' ');
}

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as RequestStatus] ?? status;
}

export function typeLabels(types: readonly string[]): string {
  return types.map((t) => TYPE_LABELS[t as RequestType] ?? t).join(', ');
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "5 Mar 2026" as the calendar reads in `timeZone`. */
export function formatDay(date: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone });
    dayFormats.set(timeZone, format);
  }
  return format.format(date);
}

const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** "5 Mar 2026, 14:05 (New York)": an instant on the clock of `timeZone`, named. */
export function formatInstant(date: Date | string, timeZone: string): string {
  let format = instantFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    instantFormats.set(timeZone, format);
  }
  return `${format.format(new Date(date))} (${zoneName(timeZone)})`;
}

/** "New York" for America/New_York: the place whose calendar a date is read in. */
export function zoneName(timeZone: string): string {
  return timeZone.split('/').at(-1)!.replaceAll('_', ' ');
}

/** "5 Mar 2026 (New York)": a day with the zone it is read in, where dates of several zones meet. */
export function formatZonedDay(date: Date, timeZone: string): string {
  return `${formatDay(date, timeZone)} (${zoneName(timeZone)})`;
}
