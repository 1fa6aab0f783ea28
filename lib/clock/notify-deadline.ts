import { db, type Tx } from '../db';
import { addJob } from '../queue/add-job';
import { ACTIVE_CLOCK_STATUSES } from './clock-statuses';
import { deadlineJobKeys, type DeadlineSubject } from './schedule-deadline-jobs';
import { scheduleStaffDigest } from './send-staff-digest';

const DAY = 86_400_000;

type Kind = 'reminder' | 'overdue';

/**
 * The deadline as it stands now, and who must act on it, or null when nobody must any more (the
 * request is closed or its clock stopped; the appeal is decided).
 * - a request: the assignee, or every admin while nobody is assigned; overdue: the assignee and every admin
 * - an appeal: every admin but the one who made the decision appealed (who may not decide it)
 * - a complaint: every admin
 */
async function openDeadline(tx: Tx, subject: DeadlineSubject) {
  const admins = (except: string | null = null) =>
    tx.user
      .findMany({
        where: { role: 'admin', deactivatedAt: null, ...(except ? { id: { not: except } } : {}) },
        select: { id: true },
      })
      .then((rows) => rows.map((r) => r.id));

  if (subject.complaintId) {
    const complaint = await tx.requestComplaint.findUnique({ where: { id: subject.complaintId } });
    if (!complaint || complaint.resolvedAt) return null;
    return {
      dueAt: complaint.respondBy,
      kinds: { reminder: 'complaint_reminder', overdue: 'complaint_overdue' } as const,
      recipients: async () => admins(),
    };
  }

  if (subject.appealId) {
    const appeal = await tx.requestAppeal.findUnique({
      where: { id: subject.appealId },
      include: { request: { select: { decidedById: true } } },
    });
    if (!appeal || appeal.status !== 'pending') return null;
    return {
      dueAt: appeal.dueAt,
      kinds: { reminder: 'appeal_reminder', overdue: 'appeal_overdue' } as const,
      recipients: async () => admins(appeal.request.decidedById),
    };
  }

  const request = await tx.privacyRequest.findUnique({ where: { id: subject.requestId } });
  if (!request || !ACTIVE_CLOCK_STATUSES.includes(request.status)) return null;
  const assignee = request.assigneeId
    ? await tx.user.findFirst({ where: { id: request.assigneeId, deactivatedAt: null }, select: { id: true } })
    : null;
  return {
    dueAt: request.dueAt,
    kinds: { reminder: 'reminder', overdue: 'overdue' } as const,
    recipients: async (kind: Kind) =>
      kind === 'overdue' || !assignee ? [...(await admins()), ...(assignee ? [assignee.id] : [])] : [assignee.id],
  };
}

/**
 * The `deadline-reminder` job, for a request's deadline or an appeal's. Notes, for each person who
 * must act, that it is due soon or overdue, then schedules their digest. Overdue escalation repeats
 * daily while the deadline stays open. A job scheduled for an older due date (before a pause or an
 * extension) does nothing.
 */
export async function notifyDeadline(options: {
  requestId: string;
  appealId?: string;
  complaintId?: string;
  kind: Kind;
  dueAt: string;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  const subject: DeadlineSubject = {
    requestId: options.requestId,
    appealId: options.appealId,
    complaintId: options.complaintId,
  };
  await db().$transaction(async (tx) => {
    const deadline = await openDeadline(tx, subject);
    if (!deadline || deadline.dueAt.toISOString() !== options.dueAt) return;
    if (options.kind === 'overdue' && deadline.dueAt > now) return;

    const recipients = new Set(await deadline.recipients(options.kind));
    const day = new Date(now.toISOString().slice(0, 10));
    await tx.staffNotification.createMany({
      data: [...recipients].map((userId) => ({
        userId,
        requestId: options.requestId,
        kind: deadline.kinds[options.kind],
        day,
        dueAt: deadline.dueAt,
      })),
      skipDuplicates: true,
    });
    for (const userId of recipients) await scheduleStaffDigest(tx, userId, now);

    // The request's own deadline is a webhook event (an appeal's or a complaint's is not), emitted by
    // the database's webhook_emit() as audited changes are (lib/webhooks/event-types.ts).
    if (!options.appealId && !options.complaintId) {
      const type = options.kind === 'overdue' ? 'request.overdue' : 'request.due_soon';
      await tx.$queryRaw`SELECT webhook_emit(${type}::text, ${options.requestId}::uuid)::text`;
    }

    if (options.kind === 'overdue') {
      const payload = {
        requestId: options.requestId,
        ...(options.appealId ? { appealId: options.appealId } : {}),
        ...(options.complaintId ? { complaintId: options.complaintId } : {}),
        kind: 'overdue' as const,
        dueAt: options.dueAt,
        offsetDays: 0,
      };
      await addJob(tx, 'deadline-reminder', payload, {
        runAt: new Date(now.getTime() + DAY),
        jobKey: deadlineJobKeys(subject).overdue,
      });
    }
  });
}
