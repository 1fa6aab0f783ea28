import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { AppError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import type { RequestType } from '../universal/codes';
import { assertOpen, lockTask } from './lock-task';
import { NOT_TOLD_REASONS, type NotToldReason, recipientRuleFor } from './recipient-rules';

/**
 * Staff close a notify_recipient task without telling the recipient, with the ground and a reason
 * (audited): the person's data never reached it, or telling it proved impossible or would involve
 * disproportionate effort. The last two only where the regime allows that exception for this kind of
 * recipient (a California service provider must always be told to delete). Where the regime wants it
 * (CCPA §7022(b)(3)), the reason is shown to the requester on the status page, so it must explain.
 */
export async function closeNotifyTask(options: {
  staff: StaffIdentity | null;
  taskId: string;
  ground: string;
  reason: string;
  now?: Date;
}) {
  const staff = authorize(options.staff, 'requests.work');
  const ground = NOT_TOLD_REASONS.find((r) => r === options.ground);
  if (!ground)
    throw new AppError('INVALID_INPUT', 'Choose why the recipient is not told.', {
      fields: { ground: ['Choose a ground'] },
    });
  const reason = options.reason.trim();
  if (reason.length < 10 || reason.length > 2000)
    throw new AppError('INVALID_INPUT', 'Explain, in 10 to 2,000 characters, why the recipient is not told.', {
      fields: { reason: ['Explain why'] },
    });
  const now = options.now ?? new Date();
  await db().$transaction(async (tx) => {
    const task = await lockTask(tx, options.taskId);
    if (task.type !== 'notify_recipient' || !task.recipient)
      throw new AppError('CONFLICT', 'Only a task to tell a recipient can be closed this way.');
    assertOpen(task);
    assertExceptionAllowed(ground, task.request, task.recipient);
    await tx.fulfilmentTask.update({
      where: { id: task.id },
      data: { status: 'closed', notTold: ground, closedReason: reason, closedById: staff.id, completedAt: now },
    });
    await recordAuditEvent(tx, {
      requestId: task.requestId,
      action: 'task.recipient-not-told',
      actor: { type: 'staff', id: staff.id },
      data: { taskId: task.id, recipient: task.recipient.name, ground, reason },
    });
  });
}

function assertExceptionAllowed(
  ground: NotToldReason,
  request: { jurisdiction: string; types: RequestType[] },
  recipient: { role: 'processor' | 'third_party' },
) {
  if (ground === 'not_disclosed') return;
  const rule = recipientRuleFor(request.jurisdiction, request.types, recipient.role);
  if (rule && !rule.exceptionAllowed)
    throw new AppError(
      'CONFLICT',
      `This recipient must be told: the law allows no exception for impossibility or effort here (${rule.source}).`,
    );
}
