import { consumeRateLimit } from '../abuse/rate-limit';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { publicLinks } from '../email/public-links';
import { env } from '../env';
import { AppError } from '../errors';
import { generateToken, hashEmail, hashToken } from '../security/tokens';
import { formatReference } from '../universal/reference';
import { unprovenAccountEmail } from './account-email-claim';
import { findRequestByStatusToken } from './find-request-by-status-token';

const LINKS_PER_HOUR = 3;
const MIN_SECONDS_BETWEEN = 60;

/**
 * "Email a link to my account email", from the status page: a single-use link to the account email
 * the requester named, which proves it is theirs when opened and confirmed. Only the holder of the
 * status link may ask; the link goes only to that address; earlier unused links stop working.
 * Limited per network (like every link we send) and per request.
 */
export async function sendAccountEmailProof(options: {
  requestId: string;
  statusToken: string;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  await consumeRateLimit('resend-ip', options.ip);
  await db().$transaction(async (tx) => {
    const found = await findRequestByStatusToken(options.requestId, options.statusToken, tx, options.ip);
    // Serialise concurrent asks for one request so the limit below cannot be raced.
    await tx.$executeRaw`SELECT 1 FROM privacy_request WHERE id = ${found.id}::uuid FOR UPDATE`;
    const request = await tx.privacyRequest.findUniqueOrThrow({ where: { id: found.id } });
    const address = unprovenAccountEmail(request);
    if (!address || request.closedAt)
      throw new AppError('CONFLICT', 'There is no account email left to confirm on this request.');
    const recent = await tx.accountEmailProof.findMany({
      where: { requestId: request.id, createdAt: { gt: new Date(now.getTime() - 3600_000) } },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true },
    });
    const last = recent[0]?.createdAt;
    if (recent.length >= LINKS_PER_HOUR || (last && now.getTime() - last.getTime() < MIN_SECONDS_BETWEEN * 1000)) {
      throw new AppError(
        'RATE_LIMITED',
        'We sent a link very recently. Please check that inbox and its spam folder, or try again in a few minutes.',
        { retryAfterSeconds: 60 },
      );
    }
    const token = generateToken();
    // As long as a verification link, but never more than a day: it is asked for by someone on the
    // status page, waiting for it, and a request's link lives days only to give a slow reader time.
    const ttlHours = Math.min(env().verificationTtlHours, 24);
    await tx.accountEmailProof.updateMany({ where: { requestId: request.id, usedAt: null }, data: { usedAt: now } });
    await tx.accountEmailProof.create({
      data: {
        requestId: request.id,
        tokenHash: hashToken(token),
        emailHash: hashEmail(address),
        expiresAt: new Date(now.getTime() + ttlHours * 3600_000),
        createdAt: now,
      },
    });
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'account_email.proof_sent',
      actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
      summary: 'You asked to confirm your other account email; we emailed a link to that address',
    });
    await enqueueEmail(tx, {
      template: 'prove-account-email',
      to: address,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        confirmUrl: publicLinks.proveAccountEmail(token, request.locale),
        expiresInHours: ttlHours,
      },
    });
  });
}
