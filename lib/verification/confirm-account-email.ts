import { db } from '../db';
import { AppError } from '../errors';
import { emailHashes, hashesEqual, hashToken } from '../security/tokens';
import { markAccountEmailProven } from './mark-account-email-proven';

export type AccountEmailProofOutcome = { outcome: 'proven' | 'already-proven' | 'expired' | 'used' | 'request-closed' };

/**
 * Opens an account-email proof link (the button on its page: mail scanners open links, so a GET
 * never gets here). The account email becomes proven (`markAccountEmailProven`: tasks act for it
 * too, and finished connector tasks run again). The link verifies nothing else: it is not a verification
 * link, and a verification link is not one of these.
 */
export async function confirmAccountEmail(options: {
  token: string;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}): Promise<AccountEmailProofOutcome> {
  const now = options.now ?? new Date();
  const tokenHash = hashToken(options.token);
  return db().$transaction(async (tx) => {
    const found = await tx.accountEmailProof.findUnique({ where: { tokenHash }, include: { request: true } });
    if (!found || !hashesEqual(found.tokenHash, tokenHash))
      throw new AppError('NOT_FOUND', 'This confirmation link is not valid. Check that you copied the whole link.');
    const { request } = found;
    if (request.accountEmailVerifiedAt) return { outcome: 'already-proven' };
    // The link proves the address it was sent to, and only while the request still names it.
    const { accountEmail } = request;
    if (request.closedAt || !accountEmail || !emailHashes(accountEmail).some((h) => hashesEqual(found.emailHash, h)))
      return { outcome: 'request-closed' };
    if (found.usedAt) return { outcome: 'used' };
    if (found.expiresAt <= now) return { outcome: 'expired' };
    // Only one of two simultaneous clicks wins; the other sees the link as used.
    const claimed = await tx.accountEmailProof.updateMany({
      where: { id: found.id, usedAt: null },
      data: { usedAt: now },
    });
    if (claimed.count === 0) return { outcome: 'used' };

    await markAccountEmailProven(tx, {
      request,
      proof: 'email_link',
      actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
      now,
    });
    return { outcome: 'proven' };
  });
}
