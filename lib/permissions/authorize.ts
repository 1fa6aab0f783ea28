import { AppError } from '../errors';
import { can, type Permission, type StaffRole } from './staff-permissions';

export type StaffIdentity = { id: string; email: string; name: string | null; role: StaffRole };

/** Checks a permission for a known identity; throws FORBIDDEN with a message a person can act on. */
export function authorize(staff: StaffIdentity | null, permission: Permission): StaffIdentity {
  if (!staff) throw new AppError('UNAUTHORIZED', 'Please sign in to the privacy workspace.');
  if (!can(staff.role, permission))
    throw new AppError('FORBIDDEN', `Your role (${staff.role}) cannot do this. Ask an admin if you need it.`);
  return staff;
}
