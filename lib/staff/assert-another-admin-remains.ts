import type { StaffRole } from '../permissions/staff-permissions';
import type { db } from '../db';
import { AppError } from '../errors';

/** Demoting or deactivating an admin must leave another active admin. */
export async function assertAnotherAdminRemains(
  tx: Parameters<Parameters<ReturnType<typeof db>['$transaction']>[0]>[0],
  user: { id: string; role: StaffRole },
) {
  if (user.role !== 'admin') return;
  const others = await tx.user.count({ where: { role: 'admin', deactivatedAt: null, id: { not: user.id } } });
  if (others === 0) throw new AppError('CONFLICT', 'The workspace needs at least one active admin.');
}
