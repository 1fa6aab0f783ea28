import { assignByRulesAfterCommit } from '../assignment/assign-by-rules';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { AppError } from '../errors';
import { removeJob } from '../queue/add-job';
import { publicLinks } from '../email/public-links';
import { quebecTimeLimitNotice } from '../email/quebec-notices';
import { formatReference } from '../universal/reference';
import { requestDeadline } from '../clock/request-deadline';
import { deadlineJobKey, scheduleDeadlineJobs } from '../clock/schedule-deadline-jobs';
import { newStatusNonce, statusToken } from '../security/status-token';
import { notifyNewRequest } from '../staff/notify-new-request';
import { hashesEqual, hashToken } from '../security/tokens';
import { flagPossibleDuplicate } from './flag-possible-duplicate';
import { unverifiedJobKey } from './issue-verification-token';
import { recordVerificationCheck } from './record-verification-check';
import { withSpan } from '../tracing/span';

export type VerificationOutcome =
  /** `viewer`: whose status page the token opens (an agent with a power of attorney confirms its own address). */
  | { outcome: 'verified'; requestId: string; statusToken: string; viewer: 'person' | 'agent' }
  | { outcome: 'already-verified' }
  | { outcome: 'expired' | 'used'; canResend: boolean }
  | { outcome: 'request-closed' };

/**
 * Opens a verification link: the request becomes `verified`, the evidence (when, IP, user agent) is
 * kept, the receipt email with the status-page link is queued and the staff reminders are scheduled,
 * all in one transaction. Once it has committed, the assignment rules choose an assignee.
 */
async function verifyRequestUntraced(options: {
  token: string;
  /** Signed permission: the person agreed that their agent gets a copy of every email (the confirm page's box). */
  agentCopies?: boolean;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}): Promise<VerificationOutcome> {
  const now = options.now ?? new Date();
  const tokenHash = hashToken(options.token);
  const outcome = await verifyInTransaction(options, tokenHash, now);
  if (outcome.outcome === 'verified') await assignByRulesAfterCommit({ requestId: outcome.requestId, now });
  return outcome;
}

function verifyInTransaction(
  options: Parameters<typeof verifyRequest>[0],
  tokenHash: string,
  now: Date,
): Promise<VerificationOutcome> {
  return db().$transaction(async (tx): Promise<VerificationOutcome> => {
    const found = await tx.verificationLink.findUnique({
      where: { tokenHash },
      include: { request: { include: { agentAuthorization: true } } },
    });
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
    const agent = await confirmAgent(tx, request, { agentCopies: Boolean(options.agentCopies), now, ...options });
    await recordVerificationCheck(tx, {
      requestId: request.id,
      method: 'email_link',
      actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
      // A power of attorney: the agent stands in for the person (§7063(b)), and this was its address.
      ...(agent?.kind === 'power_of_attorney' ? { detail: { holder: 'agent', authorization: agent.kind } } : {}),
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
        types: request.types,
        receivedAt: request.receivedAt,
        dueAt: deadline.dueAt,
        timeZone: deadline.timeZone,
        // Quebec: the time limit, that it cannot be extended and that silence is a refusal, in French first.
        notices: request.jurisdiction === 'CA-QC' ? quebecTimeLimitNotice(deadline.dueAt, deadline.timeZone) : [],
        statusUrl: publicLinks.status(request.id, token),
      },
    });
    if (agent && request.agentEmail)
      await enqueueEmail(tx, {
        template: 'agent-status-link',
        to: request.agentEmail,
        requestId: request.id,
        props: {
          brand: brand(),
          reference: formatReference(request.number, request.receivedAt),
          statusUrl: publicLinks.agentStatus(request.id, agent.statusToken),
          copies: agent.copies,
        },
      });
    await notifyNewRequest(tx, {
      ...request,
      reference: formatReference(request.number, request.receivedAt),
      dueAt: deadline.dueAt,
    });
    return agent?.kind === 'power_of_attorney'
      ? { outcome: 'verified', requestId: request.id, statusToken: agent.statusToken, viewer: 'agent' }
      : { outcome: 'verified', requestId: request.id, statusToken: token, viewer: 'person' };
  });
}

/**
 * An authorized agent's request, on its verification: the agent gets its own status link, and with
 * signed permission the person's confirmation (and their choice about copies) is kept. Nothing for
 * a request the person made themselves.
 */
async function confirmAgent(
  tx: Tx,
  request: { id: string; agentAuthorization: { kind: 'signed_permission' | 'power_of_attorney' } | null },
  options: { agentCopies: boolean; now: Date; ip?: string | null; userAgent?: string | null },
) {
  const authorization = request.agentAuthorization;
  if (!authorization) return null;
  const byPerson = authorization.kind === 'signed_permission';
  const agentStatusNonce = newStatusNonce();
  const copies = byPerson && options.agentCopies;
  await tx.agentAuthorization.update({
    where: { requestId: request.id },
    data: { agentStatusNonce, ...(byPerson ? { personConfirmedAt: options.now, copiesConsented: copies } : {}) },
  });
  await recordAuditEvent(tx, {
    requestId: request.id,
    action: byPerson ? 'agent.confirmed_by_person' : 'agent.power_of_attorney_confirmed',
    actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
    summary: byPerson
      ? `The person confirmed that their agent may act for them${copies ? ', and that the agent receives copies of our emails' : ''}`
      : 'The agent holding a power of attorney confirmed their email address',
    data: { kind: authorization.kind, copies },
  });
  return {
    kind: authorization.kind,
    copies,
    statusToken: statusToken({ id: request.id, statusNonce: agentStatusNonce }),
  };
}

/** The traced entry point: a span around the verification, with no token or address in it. */
export async function verifyRequest(
  options: Parameters<typeof verifyRequestUntraced>[0],
): Promise<VerificationOutcome> {
  return withSpan('verifyRequest', {}, () => verifyRequestUntraced(options));
}
