import { recordAuditEvent } from '../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { db } from '../db';
import { AppError } from '../errors';

/**
 * Removes a person's link to an identity provider's account; their next single sign-on links again
 * by verified email. A link an admin removes may be an intruder's, so the person's sessions end with
 * it, unless the admin removes their own.
 */
export async function removeSsoLink(options: { staff: StaffIdentity; linkId: string }) {
  const admin = authorize(options.staff, 'staff.manage');
  await db().$transaction(async (tx) => {
    const link = await tx.account.findUnique({
      where: { id: options.linkId },
      select: { id: true, userId: true, issuer: true },
    });
    if (!link) throw new AppError('NOT_FOUND', 'No single sign-on link with that id.');
    await tx.account.delete({ where: { id: link.id } });
    if (link.userId !== admin.id) await tx.session.deleteMany({ where: { userId: link.userId } });
    await recordAuditEvent(tx, {
      action: 'staff.sso_unlinked',
      actor: { type: 'staff', id: admin.id },
      data: { userId: link.userId, linkId: link.id, issuer: link.issuer },
    });
  });
}
