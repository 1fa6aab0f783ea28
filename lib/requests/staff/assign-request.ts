import { recordAuditEvent } from '../../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { db } from '../../db';
import { brand, enqueueEmail } from '../../email/enqueue-email';
import { AppError } from '../../errors';
import { publicLinks } from '../../email/public-links';
import { formatReference } from '../../universal/reference';
import { formatZonedDueDate } from '../../clock/format-zoned-due-date';
import { lockRequestFor } from './lock-request';

/** Assigns a request to a reviewer or admin (null: unassigns). The new assignee is told by email. */
export async function assignRequest(options: { staff: StaffIdentity; requestId: string; assigneeId: string | null }) {
  const staff = authorize(options.staff, 'requests.work');
  await db().$transaction(async (tx) => {
    const { request } = await lockRequestFor(tx, options.requestId, options.assigneeId ? 'assign' : 'unassign');
    const assignee = options.assigneeId
      ? await tx.user.findFirst({
          where: { id: options.assigneeId, deactivatedAt: null, role: { in: ['admin', 'reviewer'] } },
        })
      : null;
    if (options.assigneeId && !assignee)
      throw new AppError('INVALID_INPUT', 'Choose an active reviewer or admin.', {
        fields: { assigneeId: ['Choose an active reviewer or admin'] },
      });
    if (request.assigneeId === (assignee?.id ?? null)) return;
    // Chosen by a person now: no longer "assigned by rule".
    await tx.privacyRequest.update({
      where: { id: request.id },
      data: { assigneeId: assignee?.id ?? null, assignedByRuleId: null },
    });
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: assignee ? 'request.assigned' : 'request.unassigned',
      actor: { type: 'staff', id: staff.id },
      data: { from: request.assigneeId, to: assignee?.id ?? null },
    });
    if (assignee && assignee.id !== staff.id) {
      await enqueueEmail(tx, {
        template: 'staff-notice',
        to: assignee.email,
        props: {
          brand: brand(),
          heading: `${formatReference(request.number, request.receivedAt)} was assigned to you`,
          body: `${staff.name ?? staff.email} assigned this privacy request to you. It is due on ${formatZonedDueDate(request)}.`,
          url: publicLinks.staffRequest(request.id),
        },
      });
    }
  });
}
