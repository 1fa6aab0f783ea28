import { forbidden, redirect } from 'next/navigation';
import { currentStaff } from './current-staff';
import { can, type Permission } from '../permissions/staff-permissions';

/** For staff pages: signed-out people go to sign-in; signed-in people without the permission get 403. */
export async function requireStaffPage(permission: Permission, returnTo = '/admin') {
  const staff = await currentStaff();
  if (!staff) redirect(`/admin/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(staff.role, permission)) forbidden();
  return staff;
}
