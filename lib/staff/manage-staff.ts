import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import type { StaffRole } from '../permissions/staff-permissions';
import { db } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { env } from '../env';
import { AppError } from '../errors';
import { z } from 'zod';

export const inviteSchema = z.object({
  email: z.email('Enter a valid email address').trim().toLowerCase().max(320),
  name: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(200).optional()),
  role: z.enum(['admin', 'reviewer', 'viewer'], { error: 'Choose a role' }),
});

/** An admin invites a colleague: they can sign in from then on, by email link or single sign-on. */
export async function inviteStaff(options: { staff: StaffIdentity; input: z.input<typeof inviteSchema> }) {
  const admin = authorize(options.staff, 'staff.manage');
  const input = inviteSchema.parse(options.input);
  return db().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email } });
    if (existing && !existing.deactivatedAt) throw new AppError('CONFLICT', 'This person already has access.');
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { deactivatedAt: null, role: input.role, name: input.name ?? existing.name, invitedAt: new Date() } })
      : await tx.user.create({ data: { email: input.email, name: input.name ?? null, role: input.role } });
    await recordAuditEvent(tx, { action: 'staff.invited', actor: { type: 'staff', id: admin.id }, data: { userId: user.id, role: input.role } });
    await enqueueEmail(tx, {
      template: 'staff-notice',
      to: user.email,
      props: {
        brand: brand(),
        heading: `You have been invited to the ${env().COMPANY_NAME} privacy workspace`,
        body: `${admin.name ?? admin.email} gave you the ${input.role} role. Sign in with this email address.`,
        url: `${env().APP_URL}/admin/sign-in`,
      },
    });
    return user;
  });
}

/** Removes someone's access at once: their sessions end and they can no longer sign in. */
export async function deactivateStaff(options: { staff: StaffIdentity; userId: string }) {
  const admin = authorize(options.staff, 'staff.manage');
  if (options.userId === admin.id) throw new AppError('CONFLICT', 'You cannot deactivate yourself; ask another admin.');
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: options.userId } });
    if (!user || user.deactivatedAt) throw new AppError('NOT_FOUND', 'No active staff member with that id.');
    await assertAnotherAdminRemains(tx, user);
    await tx.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAuditEvent(tx, { action: 'staff.deactivated', actor: { type: 'staff', id: admin.id }, data: { userId: user.id } });
  });
}

export async function changeStaffRole(options: { staff: StaffIdentity; userId: string; role: StaffRole }) {
  const admin = authorize(options.staff, 'staff.manage');
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: options.userId } });
    if (!user || user.deactivatedAt) throw new AppError('NOT_FOUND', 'No active staff member with that id.');
    if (user.role === options.role) return;
    if (options.role !== 'admin') await assertAnotherAdminRemains(tx, user);
    await tx.user.update({ where: { id: user.id }, data: { role: options.role } });
    await recordAuditEvent(tx, { action: 'staff.role_changed', actor: { type: 'staff', id: admin.id }, data: { userId: user.id, from: user.role, to: options.role } });
  });
}

async function assertAnotherAdminRemains(tx: Parameters<Parameters<ReturnType<typeof db>['$transaction']>[0]>[0], user: { id: string; role: StaffRole }) {
  if (user.role !== 'admin') return;
  const others = await tx.user.count({ where: { role: 'admin', deactivatedAt: null, id: { not: user.id } } });
  if (others === 0) throw new AppError('CONFLICT', 'The workspace needs at least one active admin.');
}

export async function listStaff(options: { staff: StaffIdentity }) {
  authorize(options.staff, 'staff.manage');
  return db().user.findMany({ orderBy: [{ deactivatedAt: { sort: 'asc', nulls: 'first' } }, { email: 'asc' }], select: { id: true, email: true, name: true, role: true, invitedAt: true, deactivatedAt: true } });
}
