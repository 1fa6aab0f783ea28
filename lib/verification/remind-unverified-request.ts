import { recordAuditEvent } from '../audit/record-audit-event';
import { requestTimeZone } from '../clock/request-deadline';
import { db } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { publicLinks } from '../email/public-links';
import { formatReference } from '../universal/reference';
import { replaceVerificationLink } from './issue-verification-token';

/**
 * The `remind-unverified-request` job: once, before the newest verification link runs out, the
 * address gets a fresh link. Links are stored hashed, so the first one cannot be sent again; the new
 * one replaces it and runs out at the same moment, so the reminder never gives the request longer.
 * Does nothing once the request has left `unverified`, when a newer link has been sent since (its
 * own reminder is scheduled), or when this link's reminder was already sent (a retried job).
 */
export async function remindUnverifiedRequest(options: { requestId: string; expiresAt: string; now?: Date }) {
  const now = options.now ?? new Date();
  const expiresAt = new Date(options.expiresAt);
  await db().$transaction(async (tx) => {
    // Serialise with a verification, a re-send or the expiry of the same request.
    await tx.$executeRaw`SELECT 1 FROM privacy_request WHERE id = ${options.requestId}::uuid FOR UPDATE`;
    const request = await tx.privacyRequest.findUnique({ where: { id: options.requestId } });
    if (request?.status !== 'unverified') return;
    const newest = await tx.verificationLink.findFirst({
      where: { requestId: request.id },
      orderBy: { createdAt: 'desc' },
    });
    if (!newest || newest.usedAt || newest.expiresAt.getTime() !== expiresAt.getTime() || expiresAt <= now) return;
    const alreadySent = await tx.auditEvent.count({
      where: {
        requestId: request.id,
        action: 'verification.reminded',
        data: { path: ['expiresAt'], equals: expiresAt.toISOString() },
      },
    });
    if (alreadySent > 0) return;
    // The reminder goes where the link went: to an agent holding a power of attorney, else to the person.
    const authorization = await tx.agentAuthorization.findUnique({
      where: { requestId: request.id },
      select: { kind: true },
    });
    const to = authorization?.kind === 'power_of_attorney' && request.agentEmail ? request.agentEmail : request.email;
    const token = await replaceVerificationLink(tx, request.id, expiresAt, now);
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'verification.reminded',
      actor: { type: 'system' },
      data: { expiresAt: expiresAt.toISOString() },
    });
    await enqueueEmail(tx, {
      template: 'verification-reminder',
      to,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        verifyUrl: publicLinks.verify(token, request.locale),
        expiresAt,
        timeZone: requestTimeZone(request),
      },
    });
  });
}
