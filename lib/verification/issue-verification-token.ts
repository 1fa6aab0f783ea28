import { randomUUID } from 'node:crypto';
import type { Tx } from '../db';
import { enqueueEmail, brand } from '../email/enqueue-email';
import { env } from '../env';
import { addJob, type JobRequest } from '../queue/add-job';
import { formatReference } from '../universal/reference';
import { publicLinks } from '../email/public-links';
import { generateToken, hashToken } from '../security/tokens';

type LinkedRequest = { id: string; number: number; receivedAt: Date; email: string };

/**
 * A new verification link for the request, not yet written: the stored row (only the token's hash),
 * the job that expires the request when the link does (keyed, so it is replaced, never duplicated),
 * and the email that carries the token.
 */
export function newVerificationLink(request: LinkedRequest, now: Date) {
  const token = generateToken();
  const ttlHours = env().VERIFICATION_TTL_HOURS;
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  const expiryJob = {
    name: 'expire-unverified-request' as const,
    payload: { requestId: request.id },
    runAt: expiresAt,
    jobKey: `expire-unverified:${request.id}`,
  } satisfies JobRequest;
  return {
    row: { id: randomUUID(), requestId: request.id, tokenHash: hashToken(token), expiresAt, createdAt: now },
    expiryJob,
    email: {
      template: 'verify-request' as const,
      to: request.email,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        verifyUrl: publicLinks.verify(token),
        expiresInHours: ttlHours,
      },
    },
  };
}

/**
 * Creates a fresh single-use verification link for the request and emails it, in the caller's
 * transaction. Earlier unused links stop working: only the newest email is valid. The request expires
 * when the newest link does (the job is replaced, never duplicated).
 */
export async function issueVerificationToken(tx: Tx, request: LinkedRequest, now = new Date()) {
  const link = newVerificationLink(request, now);
  await tx.verificationLink.updateMany({ where: { requestId: request.id, usedAt: null }, data: { usedAt: now } });
  await tx.verificationLink.create({ data: link.row });
  await addJob(tx, link.expiryJob.name, link.expiryJob.payload, {
    runAt: link.expiryJob.runAt,
    jobKey: link.expiryJob.jobKey,
  });
  await enqueueEmail(tx, link.email);
}
