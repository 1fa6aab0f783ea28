import { db } from '../db';
import { addJob } from '../queue/add-job';
import { ACTIVE_CLOCK_STATUSES } from './clock-statuses';
import { deadlineJobKey } from './schedule-deadline-jobs';
import { scheduleStaffDigest } from '../staff/send-staff-digest';

const DAY = 86_400_000;

/**
 * The `deadline-reminder` job. Notes, for each person who must act, that the request is due soon
 * (the assignee, or every admin while nobody is assigned) or overdue (the assignee and every admin),
 * then schedules their digest. Overdue escalation repeats daily while the request stays open.
 * A job scheduled for an older due date (before a pause or an extension) does nothing.
 */
export async function notifyDeadline(options: { requestId: string; kind: 'reminder' | 'overdue'; dueAt: string; now?: Date }) {
  const now = options.now ?? new Date();
  await db().$transaction(async (tx) => {
    const request = await tx.privacyRequest.findUnique({ where: { id: options.requestId } });
    if (!request || !ACTIVE_CLOCK_STATUSES.includes(request.status)) return;
    if (request.dueAt.toISOString() !== options.dueAt) return;
    if (options.kind === 'overdue' && request.dueAt > now) return;

    const admins = await tx.user.findMany({ where: { role: 'admin', deactivatedAt: null }, select: { id: true } });
    const assignee = request.assigneeId
      ? await tx.user.findFirst({ where: { id: request.assigneeId, deactivatedAt: null }, select: { id: true } })
      : null;
    const recipients = new Set<string>(
      options.kind === 'overdue' || !assignee ? [...admins.map((a) => a.id), ...(assignee ? [assignee.id] : [])] : [assignee.id],
    );
    const day = new Date(now.toISOString().slice(0, 10));
    await tx.staffNotification.createMany({
      data: [...recipients].map((userId) => ({ userId, requestId: request.id, kind: options.kind, day, dueAt: request.dueAt })),
      skipDuplicates: true,
    });
    for (const userId of recipients) await scheduleStaffDigest(tx, userId, now);

    if (options.kind === 'overdue') {
      await addJob(tx, 'deadline-reminder', { requestId: request.id, kind: 'overdue', dueAt: options.dueAt, offsetDays: 0 }, {
        runAt: new Date(now.getTime() + DAY),
        jobKey: deadlineJobKey.overdue(request.id),
      });
    }
  });
}
