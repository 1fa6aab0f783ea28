import { getServerSession } from 'next-auth';
import { db } from '../db';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import type { Permission } from '../permissions/staff-permissions';
import { authOptions } from './auth-options';

/** The signed-in staff member, re-read from the database on every call (a deactivation bites at once). */
export async function currentStaff(): Promise<StaffIdentity | null> {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? staffIdentity(id) : null;
}

/** A staff member as the permission checks see them: null when unknown or deactivated. */
export async function staffIdentity(id: string): Promise<StaffIdentity | null> {
  const user = await db().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** For server actions and route handlers: the signed-in staff member, if allowed to `permission`. */
export async function requireStaff(permission: Permission): Promise<StaffIdentity> {
  return authorize(await currentStaff(), permission);
}
