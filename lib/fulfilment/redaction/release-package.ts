import { recordAuditEvent } from '../../audit/record-audit-event';
import { db } from '../../db';
import { AppError } from '../../errors';
import { isUuid } from '../../uuid';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { addJob } from '../../queue/add-job';

/**
 * A reviewer has looked at every data set and releases the package: it is built now, with the
 * redactions, and the requester can then ask for their download link. Audited.
 */
export async function releasePackage(options: { staff: StaffIdentity; requestId: string; now?: Date }) {
  const staff = authorize(options.staff, 'packages.review');
  if (!isUuid(options.requestId)) throw new AppError('NOT_FOUND', 'No such request.');
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM privacy_request WHERE id = ${options.requestId}::uuid FOR UPDATE`;
    const pkg = await tx.dataPackage.findUnique({ where: { requestId: options.requestId } });
    if (!pkg) throw new AppError('NOT_FOUND', 'This request has no data package.');
    if (pkg.status !== 'awaiting_review') throw new AppError('CONFLICT', 'This package is not waiting for review.');
    const redactions = await tx.redaction.count({ where: { requestId: options.requestId } });
    await tx.dataPackage.update({
      where: { id: pkg.id },
      data: { status: 'building', releasedAt: options.now ?? new Date(), releasedBy: staff.id },
    });
    await addJob(
      tx,
      'build-data-package',
      { requestId: options.requestId },
      { jobKey: `build-data-package:${options.requestId}` },
    );
    await recordAuditEvent(tx, {
      requestId: options.requestId,
      action: 'package.released',
      actor: { type: 'staff', id: staff.id },
      data: { packageId: pkg.id, redactions },
    });
  });
}
