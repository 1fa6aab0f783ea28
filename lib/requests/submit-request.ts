import { consumeRateLimit } from '../abuse/rate-limit';
import { auditEventRow } from '../audit/record-audit-event';
import { acknowledgementJob } from '../clock/acknowledge-request';
import { requestDeadline } from '../clock/request-deadline';
import { db, type Tx } from '../db';
import { prepareOutboxEmail } from '../email/enqueue-email';
import { env } from '../env';
import { AppError } from '../errors';
import { type JobRequest, jobSpecs } from '../queue/add-job';
import { generateToken, hashEmail, hashToken } from '../security/tokens';
import { newVerificationLink } from '../verification/issue-verification-token';
import { formatReference } from './reference';
import type { NewRequest } from './schemas';

export type SubmittedRequest = { id: string; reference: string; status: 'unverified'; submissionToken: string };

/**
 * Records a new request as `unverified` and sends the verification email. The row, its audit event,
 * its verification link, the outbox email, its delivery job and the expiry job (and, in California,
 * the acknowledgement job) are written in one transaction.
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

  const emailHash = hashEmail(input.email);
  await consumeRateLimit('submit-ip', options.ip);
  await consumeRateLimit('submit-email', input.email);

  return db().$transaction(async (tx) => {
    await refuseTooManyUnverified(tx, emailHash, now);
    const request = await tx.privacyRequest.create({
      data: {
        status: 'unverified',
        types: input.types,
        jurisdiction: input.jurisdiction,
        channel,
        email: input.email,
        emailHash,
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
    // The request is new: no earlier verification link exists to retire (issueVerificationToken's first step).
    const link = newVerificationLink(request, now);
    const email = await prepareOutboxEmail(link.email);
    const acknowledgement = acknowledgementJob(request.id, deadline.acknowledgeBy);
    await writeSubmissionRecords(tx, {
      audit: auditEventRow({
        requestId: request.id,
        action: 'request.submitted',
        actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
        summary: 'Request received; waiting for the email address to be confirmed',
        data: { channel, types: input.types, jurisdiction: input.jurisdiction, byAgent: Boolean(input.agent) },
      }),
      link: link.row,
      email: email.row,
      jobs: [link.expiryJob, email.deliveryJob, ...(acknowledgement ? [acknowledgement] : [])],
    });
    return { id: request.id, reference: formatReference(request.number, request.receivedAt), status: 'unverified', submissionToken };
  });
}

/**
 * The submission's audit event, verification link, outbox email and jobs in one statement, the same
 * rows recordAuditEvent, issueVerificationToken and enqueueEmail write one by one elsewhere: intake
 * is the portal's busiest path (bench/intake), and each round trip inside its transaction cost more
 * than the write it carried.
 */
async function writeSubmissionRecords(
  tx: Tx,
  records: {
    audit: ReturnType<typeof auditEventRow>;
    link: ReturnType<typeof newVerificationLink>['row'];
    email: Awaited<ReturnType<typeof prepareOutboxEmail>>['row'];
    jobs: JobRequest[];
  },
) {
  const { audit, link, email } = records;
  await tx.$executeRaw`
    WITH audit AS (
      INSERT INTO audit_event (request_id, action, actor_type, actor_id, ip, user_agent, public, summary, data)
      VALUES (${audit.requestId}::uuid, ${audit.action}, ${audit.actorType}::"ActorType", ${audit.actorId}, ${audit.ip},
        ${audit.userAgent}, ${audit.public}, ${audit.summary}, ${JSON.stringify(audit.data)}::jsonb)
    ), link AS (
      INSERT INTO verification_link (id, request_id, token_hash, expires_at, created_at)
      VALUES (${link.id}::uuid, ${link.requestId}::uuid, ${link.tokenHash}, ${link.expiresAt}::timestamptz, ${link.createdAt}::timestamptz)
    ), outbox AS (
      INSERT INTO outbox_email (id, request_id, template, "to", subject, html, text)
      VALUES (${email.id}::uuid, ${email.requestId}::uuid, ${email.template}, ${email.to}, ${email.subject}, ${email.html}, ${email.text})
    )
    SELECT FROM graphile_worker.add_jobs(${jobSpecs(records.jobs)})`;
}

/**
 * A cap on requests waiting for confirmation per email address, so that a form cannot be used to
 * flood someone's inbox. Confirming one (the link in the email) frees a place at once; otherwise
 * the oldest expires with its link. Serialised per address so concurrent posts cannot pass it together.
 */
async function refuseTooManyUnverified(tx: Tx, emailHash: string, now: Date) {
  const max = env().MAX_UNVERIFIED_PER_EMAIL;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`unverified:${emailHash}`}, 0))`;
  const waiting = await tx.privacyRequest.findMany({
    where: { emailHash, status: 'unverified' },
    orderBy: { receivedAt: 'asc' },
    select: { receivedAt: true },
    take: max,
  });
  if (waiting.length < max) return;
  const ttlMs = env().VERIFICATION_TTL_HOURS * 3600_000;
  const retryAfterSeconds = Math.max(60, Math.ceil((waiting[0].receivedAt.getTime() + ttlMs - now.getTime()) / 1000));
  throw new AppError(
    'RATE_LIMITED',
    `There are already ${max} requests for this email address waiting to be confirmed. Confirm one with the link in the email we sent, or try again later.`,
    { retryAfterSeconds },
  );
}
