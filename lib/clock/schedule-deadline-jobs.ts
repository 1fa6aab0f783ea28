import type { Tx } from '../db';
import { env } from '../env';
import { addJob, removeJob } from '../queue/add-job';

const DAY = 86_400_000;

/**
 * What a deadline belongs to: a request, the appeal against a request's decision, or a complaint
 * filed from the request's status page (each of the last two on its own deadline).
 */
export type DeadlineSubject = { requestId: string; appealId?: string; complaintId?: string };

export const deadlineJobKey = {
  reminder: (requestId: string, offsetDays: number) => `deadline:${requestId}:reminder:${offsetDays}`,
  overdue: (requestId: string) => `deadline:${requestId}:overdue`,
  acknowledge: (requestId: string) => `acknowledge:${requestId}`,
  appealReminder: (appealId: string, offsetDays: number) => `appeal-deadline:${appealId}:reminder:${offsetDays}`,
  appealOverdue: (appealId: string) => `appeal-deadline:${appealId}:overdue`,
  complaintReminder: (complaintId: string, offsetDays: number) =>
    `complaint-deadline:${complaintId}:reminder:${offsetDays}`,
  complaintOverdue: (complaintId: string) => `complaint-deadline:${complaintId}:overdue`,
};

/** The keys of a subject's reminder and overdue jobs. */
export function deadlineJobKeys(subject: DeadlineSubject) {
  const { appealId, complaintId } = subject;
  if (complaintId)
    return {
      reminder: (offsetDays: number) => deadlineJobKey.complaintReminder(complaintId, offsetDays),
      overdue: deadlineJobKey.complaintOverdue(complaintId),
    };
  return appealId
    ? {
        reminder: (offsetDays: number) => deadlineJobKey.appealReminder(appealId, offsetDays),
        overdue: deadlineJobKey.appealOverdue(appealId),
      }
    : {
        reminder: (offsetDays: number) => deadlineJobKey.reminder(subject.requestId, offsetDays),
        overdue: deadlineJobKey.overdue(subject.requestId),
      };
}

/**
 * (Re)schedules a deadline's staff reminders (REMINDER_OFFSETS_DAYS before the due date) and its
 * overdue escalation (on the due date), replacing earlier jobs by key, so that a pause, a resume or
 * an extension moves them rather than adding more. Reminders already in the past are not sent late.
 */
export async function scheduleSubjectDeadlineJobs(tx: Tx, subject: DeadlineSubject, dueAt: Date, now = new Date()) {
  const keys = deadlineJobKeys(subject);
  const target = {
    requestId: subject.requestId,
    ...(subject.appealId ? { appealId: subject.appealId } : {}),
    ...(subject.complaintId ? { complaintId: subject.complaintId } : {}),
    dueAt: dueAt.toISOString(),
  };
  for (const offsetDays of env().REMINDER_OFFSETS_DAYS) {
    const runAt = new Date(dueAt.getTime() - offsetDays * DAY);
    if (runAt > now)
      await addJob(
        tx,
        'deadline-reminder',
        { ...target, kind: 'reminder', offsetDays },
        { runAt, jobKey: keys.reminder(offsetDays) },
      );
    else await removeJob(tx, keys.reminder(offsetDays));
  }
  await addJob(
    tx,
    'deadline-reminder',
    { ...target, kind: 'overdue', offsetDays: 0 },
    { runAt: dueAt > now ? dueAt : now, jobKey: keys.overdue },
  );
}

/** A request's reminders and escalation. */
export function scheduleDeadlineJobs(tx: Tx, request: { id: string; dueAt: Date }, now = new Date()) {
  return scheduleSubjectDeadlineJobs(tx, { requestId: request.id }, request.dueAt, now);
}

/** An appeal's reminders and escalation, on its own deadline. */
export function scheduleAppealDeadlineJobs(
  tx: Tx,
  appeal: { id: string; requestId: string; dueAt: Date },
  now = new Date(),
) {
  return scheduleSubjectDeadlineJobs(tx, { requestId: appeal.requestId, appealId: appeal.id }, appeal.dueAt, now);
}

/** A complaint's reminders and escalation, on its outcome deadline. */
export function scheduleComplaintDeadlineJobs(
  tx: Tx,
  complaint: { id: string; requestId: string; respondBy: Date },
  now = new Date(),
) {
  return scheduleSubjectDeadlineJobs(
    tx,
    { requestId: complaint.requestId, complaintId: complaint.id },
    complaint.respondBy,
    now,
  );
}

/** While the clock is stopped, once the request is closed or the appeal decided, nobody needs reminding. */
export async function cancelSubjectDeadlineJobs(tx: Tx, subject: DeadlineSubject) {
  const keys = deadlineJobKeys(subject);
  for (const offsetDays of env().REMINDER_OFFSETS_DAYS) await removeJob(tx, keys.reminder(offsetDays));
  await removeJob(tx, keys.overdue);
}

export function cancelDeadlineJobs(tx: Tx, requestId: string) {
  return cancelSubjectDeadlineJobs(tx, { requestId });
}
