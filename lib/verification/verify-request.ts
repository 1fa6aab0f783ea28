import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { AppError } from '../errors';
import { removeJob } from '../queue/add-job';
import { REQUEST_TYPE_LABELS } from '../universal/codes';
import { formatPublicDate } from '../deadlines/zoned-day';
import { publicLinks } from '../email/public-links';
import { formatReference } from '../universal/reference';
import { requestDeadline } from '../clock/request-deadline';
import { deadlineJobKey, scheduleDeadlineJobs } from '../clock/schedule-deadline-jobs';
import { newStatusNonce, statusToken } from '../security/status-token';
import { notifyNewRequest } from '../staff/notify-new-request';
import { hashesEqual, hashToken } from '../security/tokens';
import { flagPossibleDuplicate } from './flag-possible-duplicate';
import { unverifiedJobKey } from './issue-verification-token';
import { recordVerificationCheck } from './record-verification-check';

export type VerificationOutcome =
  | { outcome: 'verified'; requestId: string; statusToken: string }
  | { outcome: 'already-verified' }
  | { outcome: 'expired' | 'used'; canResend: boolean }
  | { outcome: 'request-closed' };

/**
 * Opens a verification link: the request becomes `verified`, the evidence (when, IP, user agent) is
 * kept, the receipt email with the status-page link is queued and the staff reminders are scheduled,
 * all in one transaction.
 */
export async function verifyRequest(options: {
  token: string;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}): Promise<VerificationOutcome> {
  const now = options.now ?? new Date();
  const tokenHash = hashToken(options.token);
  return db().$transaction(async (tx) => {
    const found = await tx.verificationLink.findUnique({ where: { tokenHash }, include: { request: true } });
    // The lookup is by hash; compare again in constant time so that timing says nothing either way.
    if (!found || !hashesEqual(found.tokenHash, tokenHash)) {
      throw new AppError('NOT_FOUND', 'This confirmation link is not valid. Check that you copied the whole link.');
    }
    const request = found.request;
    if (request.status !== 'unverified') {
      // Never verified and no longer waiting: closed unconfirmed (could not verify) or withdrawn.
      return !request.verifiedAt || request.status === 'withdrawn'
        ? { outcome: 'request-closed' }
        : { outcome: 'already-verified' };
    }
    if (found.usedAt) return { outcome: 'used', canResend: true };
    if (found.expiresAt <= now) return { outcome: 'expired', canResend: true };

    // Only one of two simultaneous clicks wins; the other sees the link as used.
    const claimed = await tx.verificationLink.updateMany({
      where: { id: found.id, usedAt: null },
      data: { usedAt: now },
    });
    if (claimed.count === 0) return { outcome: 'used', canResend: true };

    const statusNonce = newStatusNonce();
    const token = statusToken({ id: request.id, statusNonce });
    const deadline = requestDeadline({ ...request, verifiedAt: now }, now);
    await tx.privacyRequest.update({
      where: { id: request.id },
      data: {
        status: 'verified',
        verifiedAt: now,
        verifiedIp: options.ip?.slice(0, 64) ?? null,
        verifiedUserAgent: options.userAgent?.slice(0, 512) ?? null,
        statusNonce,
        dueAt: deadline.dueAt,
        // The receipt email below says when to expect an answer: it is the acknowledgement.
        acknowledgedAt: request.acknowledgedAt ?? now,
      },
    });
    await recordVerificationCheck(tx, {
      requestId: request.id,
      method: 'email_link',
      actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
      now,
    });
    await removeJob(tx, unverifiedJobKey.expire(request.id));
    await removeJob(tx, unverifiedJobKey.remind(request.id));
    await removeJob(tx, deadlineJobKey.acknowledge(request.id));
    await scheduleDeadlineJobs(tx, { id: request.id, dueAt: deadline.dueAt }, now);
    await flagPossibleDuplicate(tx, request);
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'request.verified',
      actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
      summary: 'Email address confirmed; the request is with our privacy team',
      data: { dueAt: deadline.dueAt.toISOString(), explanation: deadline.explanation },
    });
    await enqueueEmail(tx, {
      template: 'request-received',
      to: request.email,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        typesLabel: request.types.map((t) => REQUEST_TYPE_LABELS[t].split(' — ')[0].toLowerCase()).join(', '),
        receivedOn: formatPublicDate(request.receivedAt, deadline.timeZone),
        dueOn: formatPublicDate(deadline.dueAt, deadline.timeZone),
        statusUrl: publicLinks.status(request.id, token),
      },
    });
    await notifyNewRequest(tx, {
      ...request,
      reference: formatReference(request.number, request.receivedAt),
      dueAt: deadline.dueAt,
    });
    return { outcome: 'verified', requestId: request.id, statusToken: token };
  });
}
