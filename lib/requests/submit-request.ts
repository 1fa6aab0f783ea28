import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { generateToken, hashEmail, hashToken } from '../security/tokens';
import { issueVerificationToken } from '../verification/issue-verification-token';
import { formatReference } from './reference';
import { scheduleAcknowledgement } from '../clock/acknowledge-request';
import { requestDeadline } from '../clock/request-deadline';
import type { NewRequest } from './schemas';

export type SubmittedRequest = { id: string; reference: string; status: 'unverified'; submissionToken: string };

/**
 * Records a new request as `unverified` and sends the verification email. The row, its audit event,
 * the outbox email, its delivery job and the expiry job are written in one transaction.
 */
export async function submitRequest(options: {
  input: NewRequest;
  channel: 'web' | 'api';
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}): Promise<SubmittedRequest> {
  const { input, channel } = options;
  const now = options.now ?? new Date();
  const submissionToken = generateToken();
  const deadline = requestDeadline({ jurisdiction: input.jurisdiction, types: input.types, receivedAt: now });

  return db().$transaction(async (tx) => {
    const request = await tx.privacyRequest.create({
      data: {
        status: 'unverified',
        types: input.types,
        jurisdiction: input.jurisdiction,
        channel,
        email: input.email,
        emailHash: hashEmail(input.email),
        name: input.name ?? null,
        accountEmail: input.accountEmail ?? null,
        details: input.details ?? null,
        agentName: input.agent?.name ?? null,
        agentEmail: input.agent?.email ?? null,
        submissionTokenHash: hashToken(submissionToken),
        receivedAt: now,
        dueAt: deadline.dueAt,
        submittedIp: options.ip?.slice(0, 64) ?? null,
        submittedUserAgent: options.userAgent?.slice(0, 512) ?? null,
      },
      select: { id: true, number: true, receivedAt: true, email: true },
    });
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: 'request.submitted',
      actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
      summary: 'Request received; waiting for the email address to be confirmed',
      data: { channel, types: input.types, jurisdiction: input.jurisdiction, byAgent: Boolean(input.agent) },
    });
    await issueVerificationToken(tx, request, now);
    await scheduleAcknowledgement(tx, { ...request, jurisdiction: input.jurisdiction, types: input.types });
    return { id: request.id, reference: formatReference(request.number, request.receivedAt), status: 'unverified', submissionToken };
  });
}
