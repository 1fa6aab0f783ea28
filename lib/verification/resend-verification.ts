import { consumeRateLimit } from '../abuse/rate-limit';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { AppError } from '../errors';
import { submissionTokenHashes } from '../security/submission-token';
import { hashToken } from '../security/tokens';
import { issueVerificationToken } from './issue-verification-token';

const RESENDS_PER_HOUR = 3;
const MIN_SECONDS_BETWEEN = 60;

/**
 * Sends a new verification link. Proof of being allowed to ask is either the token of the
 * confirmation page (whoever submitted the form) or an earlier verification link (whoever holds the
 * mailbox). The email goes where the first one went: the request's own address, or the agent's for
 * an agent holding a power of attorney (issue-verification-token.ts). Limited per request.
 */
export async function resendVerification(options: {
  requestId?: string;
  submissionToken?: string;
  verificationToken?: string;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  await consumeRateLimit('resend-ip', options.ip);
  return db().$transaction(async (tx) => {
    const request = options.verificationToken
      ? (
          await tx.verificationLink.findUnique({
            where: { tokenHash: hashToken(options.verificationToken) },
            include: { request: true },
          })
        )?.request
      : options.submissionToken && options.requestId
        ? await tx.privacyRequest.findFirst({
            where: {
              id: options.requestId,
              submissionTokenHash: { in: submissionTokenHashes(options.requestId, options.submissionToken) },
            },
          })
        : null;
    if (!request)
      throw new AppError(
        'NOT_FOUND',
        'We could not find that request. Use the link from your email or make a new request.',
      );
    if (request.status !== 'unverified') {
      throw new AppError(
        'CONFLICT',
        !request.verifiedAt || request.status === 'withdrawn'
          ? 'This request is closed. Please make a new request.'
          : 'This request is already confirmed. Use the status link in your email.',
      );
    }
    // Serialise concurrent re-sends of one request so the limit below cannot be raced.
    await tx.$executeRaw`SELECT 1 FROM privacy_request WHERE id = ${request.id}::uuid FOR UPDATE`;
    const recent = await tx.verificationLink.findMany({
      where: { requestId: request.id, createdAt: { gt: new Date(now.getTime() - 3600_000) } },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true },
    });
    const last = recent[0]?.createdAt;
    if (recent.length > RESENDS_PER_HOUR || (last && now.getTime() - last.getTime() < MIN_SECONDS_BETWEEN * 1000)) {
      const wait = last ? Math.max(MIN_SECONDS_BETWEEN - Math.floor((now.getTime() - last.getTime()) / 1000), 60) : 60;
      throw new AppError(
        'RATE_LIMITED',
        'We sent a link very recently. Please check your inbox and spam folder, or try again in a few minutes.',
        { retryAfterSeconds: wait },
      );
    }
    await issueVerificationToken(tx, request, now);
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'verification.resent',
      actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
    });
  });
}
