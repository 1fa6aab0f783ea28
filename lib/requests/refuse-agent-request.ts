import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { AppError } from '../errors';
import { removeJob } from '../queue/add-job';
import { deadlineJobKey } from '../clock/schedule-deadline-jobs';
import { assertTransition } from './status-machine';
import { hashesEqual, hashToken } from '../security/tokens';
import { formatReference } from '../universal/reference';

export type RefusalOutcome =
  | { outcome: 'refused' }
  | { outcome: 'expired' | 'used' | 'request-closed' | 'already-verified' | 'not-an-agent-request' };

/**
 * "I did not ask anyone to do this": the person an agent filed for (with signed permission) refuses
 * from the link in their verification email. The request closes as denied, reason
 * `agent_not_authorized` (CCPA regs §7063(a)), so it counts in the §7102 metrics; the agent is told.
 * One transaction: status, the person's answer, audit, the agent's email, the pending jobs removed.
 */
export async function refuseAgentRequest(options: {
  token: string;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}): Promise<RefusalOutcome> {
  const now = options.now ?? new Date();
  const tokenHash = hashToken(options.token);
  return db().$transaction(async (tx) => {
    const found = await tx.verificationLink.findUnique({
      where: { tokenHash },
      include: { request: { include: { agentAuthorization: true } } },
    });
    if (!found || !hashesEqual(found.tokenHash, tokenHash)) {
      throw new AppError('NOT_FOUND', 'This confirmation link is not valid. Check that you copied the whole link.');
    }
    const { request } = found;
    if (request.agentAuthorization?.kind !== 'signed_permission' || !request.agentEmail)
      return { outcome: 'not-an-agent-request' };
    if (request.status !== 'unverified')
      return {
        outcome:
          request.status === 'verified' || request.status === 'in_progress' ? 'already-verified' : 'request-closed',
      };
    if (found.usedAt) return { outcome: 'used' };
    if (found.expiresAt <= now) return { outcome: 'expired' };
    const status = assertTransition(request.status, 'refuseAgent');

    const claimed = await tx.verificationLink.updateMany({
      where: { id: found.id, usedAt: null },
      data: { usedAt: now },
    });
    if (claimed.count === 0) return { outcome: 'used' };
    await tx.privacyRequest.update({
      where: { id: request.id },
      data: { status, denialReason: 'agent_not_authorized', partial: false, decidedAt: now, closedAt: now },
    });
    await tx.agentAuthorization.update({ where: { requestId: request.id }, data: { personRefusedAt: now } });
    await removeJob(tx, `expire-unverified:${request.id}`);
    await removeJob(tx, deadlineJobKey.acknowledge(request.id));
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'request.denied',
      actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
      summary: 'You told us you did not ask anyone to make this request; we closed it',
      data: { reason: 'agent_not_authorized', partial: false, by: 'person' },
    });
    await enqueueEmail(tx, {
      template: 'agent-not-authorized',
      to: request.agentEmail,
      requestId: request.id,
      props: { brand: brand(), reference: formatReference(request.number, request.receivedAt), by: 'person' },
    });
    return { outcome: 'refused' };
  });
}
