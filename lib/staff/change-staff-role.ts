import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import type { StaffRole } from '../permissions/staff-permissions';
import { db } from '../db';
import { AppError } from '../errors';
import { assertAnotherAdminRemains } from './assert-another-admin-remains';

export async function changeStaffRole(options: { staff: StaffIdentity; userId: string; role: StaffRole }) {
  const admin = authorize(options.staff, 'staff.manage');
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: options.userId } });
    if (!user || user.deactivatedAt) throw new AppError('NOT_FOUND', 'No active staff member with that id.');
    if (user.role === options.role) return;
    if (options.role !== 'admin') await assertAnotherAdminRemains(tx, user);
    await tx.user.update({ where: { id: user.id }, data: { role: options.role } });
    await recordAuditEvent(tx, {
      action: 'staff.role_changed',
      actor: { type: 'staff', id: admin.id },
      data: { userId: user.id, from: user.role, to: options.role },
    });
  });
}
