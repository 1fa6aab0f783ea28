import { staffIdentity } from '../../lib/auth/current-staff';
import { db } from '../../lib/db';
import type { StaffIdentity } from '../../lib/permissions/authorize';

let counter = 0;

/** A staff member created directly in the database (the invitation flow has its own tests). */
export async function aStaffMember(
  role: 'admin' | 'reviewer' | 'viewer' = 'reviewer',
  overrides: { deactivatedAt?: Date } = {},
) {
  counter += 1;
  return db().user.create({
    data: {
      email: `${role}${counter}.${Date.now()}@staff.example.com`,
      name: `${role} ${counter}`,
      role,
      ...overrides,
    },
  });
}

/** A new staff member as the domain functions take them (`staff`): the identity a sign-in loads. */
export async function aStaffIdentity(role: 'admin' | 'reviewer' | 'viewer' = 'reviewer'): Promise<StaffIdentity> {
  const identity = await staffIdentity((await aStaffMember(role)).id);
  if (!identity) throw new Error(`the new ${role} has no staff identity`);
  return identity;
}
