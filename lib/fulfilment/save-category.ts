import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { AppError } from '../errors';
import { categorySchema, type CategoryInput } from './schemas';

export async function saveCategory(options: { staff: StaffIdentity; input: CategoryInput }) {
  const staff = authorize(options.staff, 'inventory.manage');
  const { id, ...data } = categorySchema.parse(options.input);
  return db().$transaction(async (tx) => {
    if (!(await tx.dataSystem.findUnique({ where: { id: data.systemId } })))
      throw new AppError('NOT_FOUND', 'No system with that id.');
    const clash = await tx.dataCategory.findUnique({
      where: { systemId_name: { systemId: data.systemId, name: data.name } },
    });
    if (clash && clash.id !== id)
      throw new AppError('INVALID_INPUT', 'This system already has a category with that name.', {
        fields: { name: ['Choose another name'] },
      });
    const before = id ? await tx.dataCategory.findUnique({ where: { id } }) : null;
    // A period an admin writes is one they stand behind; an unchanged one keeps its confirmation.
    const retentionWritten = !before || before.retention !== data.retention;
    const confirmation = retentionWritten ? { retentionConfirmedAt: new Date(), retentionConfirmedById: staff.id } : {};
    const category = id
      ? await tx.dataCategory.update({ where: { id }, data: { ...data, ...confirmation } })
      : await tx.dataCategory.create({
          data: {
            ...data,
            ...confirmation,
            position: await tx.dataCategory.count({ where: { systemId: data.systemId } }),
          },
        });
    await recordAuditEvent(tx, {
      action: id ? 'inventory.category_updated' : 'inventory.category_created',
      actor: { type: 'staff', id: staff.id },
      data: {
        systemId: data.systemId,
        categoryId: category.id,
        name: category.name,
        retentionConfirmed: retentionWritten,
      },
    });
    return category;
  });
}
