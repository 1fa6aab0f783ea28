import { db, type Tx } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { addJob } from '../queue/add-job';
import { describeCountdown } from './countdown';
import { requestTimeZone, staffTimeZone } from './request-deadline';
import { formatPublicDate } from '../deadlines/zoned-day';
import { publicLinks } from '../email/public-links';
import { formatReference } from '../universal/reference';

/** Notifications wait this long for others of the same moment, so they leave as one email. */
const GATHER_MS = 60_000;
const DAY = 86_400_000;

/** Schedules a person's digest; several calls before it runs make one job (the key keeps its time). */
export async function scheduleStaffDigest(tx: Tx, userId: string, now = new Date()) {
  await addJob(
    tx,
    'staff-digest',
    { userId },
    { runAt: new Date(now.getTime() + GATHER_MS), jobKey: `staff-digest:${userId}`, jobKeyMode: 'preserve_run_at' },
  );
}

/**
 * The `staff-digest` job: one email listing every unsent notification of one person, at most one a
 * day (UTC); what arrives after today's digest waits for tomorrow's.
 */
export async function sendStaffDigest(options: { userId: string; now?: Date }) {
  const now = options.now ?? new Date();
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: options.userId } });
    if (!user || user.deactivatedAt) return;
    const startOfDay = new Date(now.toISOString().slice(0, 10));
    const sentToday = await tx.staffNotification.count({ where: { userId: user.id, sentAt: { gte: startOfDay } } });
    const pending = await tx.staffNotification.findMany({
      where: { userId: user.id, sentAt: null },
      include: {
        request: {
          select: {
            id: true,
            number: true,
            receivedAt: true,
            dueAt: true,
            status: true,
            jurisdiction: true,
            types: true,
          },
        },
      },
      orderBy: { dueAt: 'asc' },
    });
    if (pending.length === 0) return;
    if (sentToday > 0) {
      await addJob(
        tx,
        'staff-digest',
        { userId: user.id },
        { runAt: new Date(startOfDay.getTime() + DAY + 7 * 3600_000), jobKey: `staff-digest:${user.id}` },
      );
      return;
    }
    // One line per request, one per appeal and one per complaint, the most urgent kind first.
    const isAppeal = (n: (typeof pending)[number]) => n.kind === 'appeal_reminder' || n.kind === 'appeal_overdue';
    const isComplaint = (n: (typeof pending)[number]) =>
      n.kind === 'complaint_reminder' || n.kind === 'complaint_overdue';
    const isOverdue = (n: (typeof pending)[number]) =>
      n.kind === 'overdue' || n.kind === 'appeal_overdue' || n.kind === 'complaint_overdue';
    const lines = new Map<string, (typeof pending)[number]>();
    for (const n of pending) {
      const key = `${n.requestId}:${isAppeal(n) ? 'appeal' : isComplaint(n) ? 'complaint' : 'request'}`;
      if (!lines.has(key) || isOverdue(n)) lines.set(key, n);
    }
    const item = (n: (typeof pending)[number]) => {
      // An appeal's or a complaint's deadline is its own, kept on the notification; a request's may have moved since.
      const dueAt = isAppeal(n) || isComplaint(n) ? n.dueAt : n.request.dueAt;
      // Days are counted on the request's own calendar, where its due date is the end of a day.
      const dueZone = requestTimeZone(n.request);
      const shownZone = staffTimeZone(n.request);
      return {
        reference: formatReference(n.request.number, n.request.receivedAt),
        appeal: isAppeal(n),
        complaint: isComplaint(n),
        url: isComplaint(n) ? publicLinks.staffComplaints() : publicLinks.staffRequest(n.request.id),
        dueOn: `${formatPublicDate(dueAt, shownZone)} (${shownZone})`,
        state: describeCountdown(dueAt, now, dueZone),
      };
    };
    await enqueueEmail(tx, {
      template: 'staff-digest',
      to: user.email,
      props: {
        brand: brand(),
        overdue: [...lines.values()].filter(isOverdue).map(item),
        dueSoon: [...lines.values()].filter((n) => !isOverdue(n)).map(item),
      },
    });
    await tx.staffNotification.updateMany({ where: { id: { in: pending.map((n) => n.id) } }, data: { sentAt: now } });
  });
}
