import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { env } from '../env';
import { AppError } from '../errors';
import type { z } from 'zod';
import { inviteSchema } from './schemas';

/** An admin invites a colleague: they can sign in from then on, by email link or single sign-on. */
export async function inviteStaff(options: { staff: StaffIdentity; input: z.input<typeof inviteSchema> }) {
  const admin = authorize(options.staff, 'staff.manage');
  const input = inviteSchema.parse(options.input);
  return db().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email } });
    if (existing && !existing.deactivatedAt) throw new AppError('CONFLICT', 'This person already has access.');
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { deactivatedAt: null, role: input.role, name: input.name ?? existing.name, invitedAt: new Date() },
        })
      : await tx.user.create({ data: { email: input.email, name: input.name ?? null, role: input.role } });
    await recordAuditEvent(tx, {
      action: 'staff.invited',
      actor: { type: 'staff', id: admin.id },
      data: { userId: user.id, role: input.role },
    });
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
