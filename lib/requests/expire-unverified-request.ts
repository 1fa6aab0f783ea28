import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { env } from '../env';
import { formatReference } from '../universal/reference';

/**
 * The `expire-unverified-request` job: a request whose newest verification link ran out unused is
 * closed as `expired`, and the address is told how to file again. A link issued since (a re-send)
 * keeps it open; that link rescheduled this job.
 */
export async function expireUnverifiedRequest(options: { requestId: string; now?: Date }) {
  const now = options.now ?? new Date();
  await db().$transaction(async (tx) => {
    const live = await tx.verificationLink.count({
      where: { requestId: options.requestId, usedAt: null, expiresAt: { gt: now } },
    });
    if (live > 0) return;
    const updated = await tx.privacyRequest.updateMany({
      where: { id: options.requestId, status: 'unverified' },
      data: { status: 'expired', closedAt: now },
    });
    if (updated.count === 0) return;
    const request = await tx.privacyRequest.findUniqueOrThrow({ where: { id: options.requestId } });
    await recordAuditEvent(tx, {
      requestId: options.requestId,
      action: 'request.expired',
      actor: { type: 'system' },
      summary: 'Closed because the email address was not confirmed in time',
    });
    await enqueueEmail(tx, {
      template: 'request-expired',
      to: request.email,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        newRequestUrl: `${env().APP_URL}/`,
      },
    });
  });
}
