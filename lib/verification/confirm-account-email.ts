import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { AppError } from '../errors';
import { addJob } from '../queue/add-job';
import { hashEmail, hashesEqual, hashToken } from '../security/tokens';

export type AccountEmailProofOutcome = { outcome: 'proven' | 'already-proven' | 'expired' | 'used' | 'request-closed' };

const WORKING = ['in_progress', 'awaiting_requester'] as const;

/**
 * Opens an account-email proof link (the button on its page: mail scanners open links, so a GET
 * never gets here). The account email becomes proven, and from then on tasks act for it too. Tasks
 * a connector already finished ran without it: they are queued again, so the data held under the
 * account is collected or erased as well. The link verifies nothing else: it is not a verification
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
    if (request.closedAt || !request.accountEmail || !hashesEqual(found.emailHash, hashEmail(request.accountEmail)))
      return { outcome: 'request-closed' };
    if (found.usedAt) return { outcome: 'used' };
    if (found.expiresAt <= now) return { outcome: 'expired' };
    // Only one of two simultaneous clicks wins; the other sees the link as used.
    const claimed = await tx.accountEmailProof.updateMany({
      where: { id: found.id, usedAt: null },
      data: { usedAt: now },
    });
    if (claimed.count === 0) return { outcome: 'used' };

    await tx.privacyRequest.update({ where: { id: request.id }, data: { accountEmailVerifiedAt: now } });
    const rerun = WORKING.includes(request.status as (typeof WORKING)[number])
      ? await tx.fulfilmentTask.updateManyAndReturn({
          where: { requestId: request.id, automated: true, status: { in: ['done', 'failed'] } },
          data: { status: 'open', lastError: null, completedAt: null },
          select: { id: true, type: true },
        })
      : [];
    // Collections first: where the request also erases, the account's data is copied before it goes.
    rerun.sort((a, b) => Number(b.type === 'collect') - Number(a.type === 'collect'));
    for (const task of rerun)
      await addJob(tx, 'run-fulfilment-task', { taskId: task.id }, { jobKey: `fulfilment-task:${task.id}` });
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'account_email.proven',
      actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
      summary: 'Your other account email is confirmed; we look for your data under it too',
      data: { tasksRunAgain: rerun.length },
    });
    return { outcome: 'proven' };
  });
}
