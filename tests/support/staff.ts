import { db } from '../../lib/db';

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
