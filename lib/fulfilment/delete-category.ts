import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { AppError } from '../errors';

export async function deleteCategory(options: { staff: StaffIdentity; categoryId: string }) {
  const staff = authorize(options.staff, 'inventory.manage');
  await db().$transaction(async (tx) => {
    const category = await tx.dataCategory.findUnique({ where: { id: options.categoryId } });
    if (!category) throw new AppError('NOT_FOUND', 'No category with that id.');
    await tx.dataCategory.delete({ where: { id: category.id } });
    await recordAuditEvent(tx, {
      action: 'inventory.category_deleted',
      actor: { type: 'staff', id: staff.id },
      data: { systemId: category.systemId, name: category.name },
    });
  });
}
