import { recordAuditEvent } from '../audit/record-audit-event';
import { cancelDeadlineJobs, deadlineJobKey } from '../clock/schedule-deadline-jobs';
import { db } from '../db';
import { removeJob } from '../queue/add-job';
import { OPEN_STATUSES } from '../universal/codes';
import type { DrpAgentRow } from './agents';
import { parseSignedJson } from './check-envelope';
import { DrpError, forbidden } from './drp-error';
import { drpStatusObject } from './drp-status';
import { ownDrpRequest } from './get-drp-request-status';
import { drpRevokeSchema } from './schemas';
import { openSignedMessage } from './signed-message';

/**
 * Data Rights Revoke (§2.04): the agent withdraws the request for the person, as the person can from
 * their status page; the clock stops and the status becomes `revoked`. Its body holds only `reason`,
 * so of §3.07 only the signature and the token apply (no claims to check; revoking twice is harmless).
 * A request already closed keeps its final state, which the answer shows.
 */
export async function revokeDrpRequest(options: {
  agent: DrpAgentRow;
  drpRequestId: string;
  body: string;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  const drp = await ownDrpRequest(options.agent, options.drpRequestId);
  const opened = openSignedMessage(options.body, options.agent.verifyKey);
  if (!opened.ok) forbidden('The message is not signed by this agent’s key.');
  const claims = parseSignedJson(opened.message);
  const parsed = claims ? drpRevokeSchema.safeParse(claims) : null;
  if (!parsed?.success) throw new DrpError(400, 'The signed message must be a JSON object with an optional "reason".');
  const requestId = drp.requestId;
  if (requestId)
    await db().$transaction(async (tx) => {
      const request = await tx.privacyRequest.findUniqueOrThrow({ where: { id: requestId } });
      const updated = await tx.privacyRequest.updateMany({
        where: { id: requestId, status: { in: [...OPEN_STATUSES] } },
        data: { status: 'withdrawn', closedAt: now },
      });
      if (updated.count === 0) return;
      await removeJob(tx, `expire-unverified:${requestId}`);
      await removeJob(tx, deadlineJobKey.acknowledge(requestId));
      await cancelDeadlineJobs(tx, requestId);
      await recordAuditEvent(tx, {
        requestId,
        action: 'request.withdrawn',
        actor: { type: 'system' },
        summary: `Withdrawn by the authorized agent ${options.agent.name}`,
        // The reason is the person's own words, passed on by the agent: kept for staff, never in the summary.
        data: {
          previousStatus: request.status,
          via: 'drp',
          agentId: options.agent.id,
          reason: parsed.data.reason ?? null,
        },
      });
    });
  return drpStatusObject(drp.id, now);
}
