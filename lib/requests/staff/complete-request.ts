import { recordAuditEvent } from '../../audit/record-audit-event';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { requestTimeZone } from '../../clock/request-deadline';
import { cancelDeadlineJobs } from '../../clock/schedule-deadline-jobs';
import { db } from '../../db';
import { brand, enqueueEmail } from '../../email/enqueue-email';
import { env } from '../../env';
import { assertTasksFinished } from '../../fulfilment/create-tasks';
import { fulfilmentSummary } from '../../fulfilment/fulfilment-summary';
import { queueDataPackage } from '../../fulfilment/package/download-package';
import { publicLinks } from '../../email/public-links';
import { formatReference } from '../../universal/reference';
import { heldBackNotices } from '../../verification/verification-gate';
import { lockRequestFor } from './lock-request';
import { completionSchema } from './schemas';

/** Completes a request with the response message the requester receives. */
export async function completeRequest(options: { staff: StaffIdentity; requestId: string; message: string }) {
  const staff = authorize(options.staff, 'requests.work');
  const { message } = completionSchema.parse(options);
  await db().$transaction(async (tx) => {
    const { request, nextStatus } = await lockRequestFor(tx, options.requestId, 'complete');
    await assertTasksFinished(tx, request.id);
    const systems = await fulfilmentSummary(tx, request.id, requestTimeZone(request));
    const now = new Date();
    await tx.privacyRequest.update({
      where: { id: request.id },
      data: {
        status: nextStatus,
        responseMessage: message,
        decidedAt: now,
        decidedById: staff.id,
        closedAt: now,
        partial: false,
        denialReason: null,
      },
    });
    await cancelDeadlineJobs(tx, request.id);
    const withPackage = await queueDataPackage(tx, request);
    // Below the level for release, the package is built and kept, and the requester told why (§7024(a)).
    const heldBack = withPackage ? heldBackNotices(request) : [];
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'request.completed',
      actor: { type: 'staff', id: staff.id },
      summary: 'We completed your request; see our email',
      data: { systems },
    });
    await enqueueEmail(tx, {
      template: 'request-decided',
      to: request.email,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        outcome: 'completed',
        reasonLabel: null,
        message,
        notices: heldBack,
        statusUrl: publicLinks.statusOf(request),
        systems,
        ...(withPackage && heldBack.length === 0 ? { downloadDays: env().DOWNLOAD_TTL_DAYS } : {}),
      },
    });
  });
}
