import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { AppError } from '../errors';

/**
 * An admin confirms that a category's retention period is the one Bitstride applies. Until then the
 * data package gives the privacy policy's retention criteria instead of the period (the seed's
 * periods are not in the policy). Audited with the period confirmed, so the record shows who stood
 * behind which figure.
 */
export async function confirmCategoryRetention(options: { staff: StaffIdentity; categoryId: string; now?: Date }) {
  const staff = authorize(options.staff, 'inventory.manage');
  const now = options.now ?? new Date();
  return db().$transaction(async (tx) => {
    const category = await tx.dataCategory.findUnique({ where: { id: options.categoryId } });
    if (!category) throw new AppError('NOT_FOUND', 'No category with that id.');
    const updated = await tx.dataCategory.update({
      where: { id: category.id },
      data: { retentionConfirmedAt: now, retentionConfirmedById: staff.id },
    });
    await recordAuditEvent(tx, {
      action: 'inventory.retention_confirmed',
      actor: { type: 'staff', id: staff.id },
      data: {
        systemId: category.systemId,
        categoryId: category.id,
        name: category.name,
        retention: category.retention,
      },
    });
    return updated;
  });
}
