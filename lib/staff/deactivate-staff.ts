import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { AppError } from '../errors';
import { assertAnotherAdminRemains } from './assert-another-admin-remains';

/** Removes someone's access at once: their sessions end and they can no longer sign in. */
export async function deactivateStaff(options: { staff: StaffIdentity; userId: string }) {
  const admin = authorize(options.staff, 'staff.manage');
  if (options.userId === admin.id) throw new AppError('CONFLICT', 'You cannot deactivate yourself; ask another admin.');
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: options.userId } });
    if (!user || user.deactivatedAt) throw new AppError('NOT_FOUND', 'No active staff member with that id.');
    await assertAnotherAdminRemains(tx, user);
    await tx.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAuditEvent(tx, {
      action: 'staff.deactivated',
      actor: { type: 'staff', id: admin.id },
      data: { userId: user.id },
    });
  });
}
