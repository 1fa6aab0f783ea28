import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';

export async function listStaff(options: { staff: StaffIdentity }) {
  authorize(options.staff, 'staff.manage');
  return db().user.findMany({
    orderBy: [{ deactivatedAt: { sort: 'asc', nulls: 'first' } }, { email: 'asc' }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      invitedAt: true,
      deactivatedAt: true,
      awayUntil: true,
      // Single sign-on links, for admins to see and remove: never the provider's tokens.
      accounts: { select: { id: true, issuer: true, email: true, linkedAt: true } },
    },
  });
}
