import type { Tx } from '../db';
import { enqueueEmail, brand } from '../email/enqueue-email';
import { env } from '../env';
import { addJob } from '../queue/add-job';
import { formatReference } from '../requests/reference';
import { publicLinks } from '../requests/public-links';
import { generateToken, hashToken } from '../security/tokens';

/**
 * Creates a fresh single-use verification link for the request and emails it, in the caller's
 * transaction. Earlier unused links stop working: only the newest email is valid. The request expires
 * when the newest link does (the job is replaced, never duplicated).
 */
export async function issueVerificationToken(
  tx: Tx,
  request: { id: string; number: number; receivedAt: Date; email: string },
  now = new Date(),
) {
  const token = generateToken();
  const ttlHours = env().VERIFICATION_TTL_HOURS;
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  await tx.verificationLink.updateMany({ where: { requestId: request.id, usedAt: null }, data: { usedAt: now } });
  await tx.verificationLink.create({
    data: { requestId: request.id, tokenHash: hashToken(token), expiresAt, createdAt: now },
  });
  await addJob(tx, 'expire-unverified-request', { requestId: request.id }, { runAt: expiresAt, jobKey: `expire-unverified:${request.id}` });
  await enqueueEmail(tx, {
    template: 'verify-request',
    to: request.email,
    requestId: request.id,
    props: {
      brand: brand(),
      reference: formatReference(request.number, request.receivedAt),
      verifyUrl: publicLinks.verify(token),
      expiresInHours: ttlHours,
    },
  });
}
