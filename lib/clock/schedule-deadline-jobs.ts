import type { Tx } from '../db';
import { env } from '../env';
import { addJob, removeJob } from '../queue/add-job';

const DAY = 86_400_000;

export const deadlineJobKey = {
  reminder: (requestId: string, offsetDays: number) => `deadline:${requestId}:reminder:${offsetDays}`,
  overdue: (requestId: string) => `deadline:${requestId}:overdue`,
  acknowledge: (requestId: string) => `acknowledge:${requestId}`,
};

/**
 * (Re)schedules a request's staff reminders (REMINDER_OFFSETS_DAYS before the due date) and its
 * overdue escalation (on the due date), replacing earlier jobs by key, so that a pause, a resume or
 * an extension moves them rather than adding more. Reminders already in the past are not sent late.
 */
export async function scheduleDeadlineJobs(tx: Tx, request: { id: string; dueAt: Date }, now = new Date()) {
  const dueAtIso = request.dueAt.toISOString();
  for (const offsetDays of env().REMINDER_OFFSETS_DAYS) {
    const runAt = new Date(request.dueAt.getTime() - offsetDays * DAY);
    const key = deadlineJobKey.reminder(request.id, offsetDays);
    if (runAt > now) await addJob(tx, 'deadline-reminder', { requestId: request.id, kind: 'reminder', dueAt: dueAtIso, offsetDays }, { runAt, jobKey: key });
    else await removeJob(tx, key);
  }
  await addJob(tx, 'deadline-reminder', { requestId: request.id, kind: 'overdue', dueAt: dueAtIso, offsetDays: 0 }, {
    runAt: request.dueAt > now ? request.dueAt : now,
    jobKey: deadlineJobKey.overdue(request.id),
  });
}

/** While the clock is stopped, or once the request is closed, nobody needs reminding. */
export async function cancelDeadlineJobs(tx: Tx, requestId: string) {
  for (const offsetDays of env().REMINDER_OFFSETS_DAYS) await removeJob(tx, deadlineJobKey.reminder(requestId, offsetDays));
  await removeJob(tx, deadlineJobKey.overdue(requestId));
}
