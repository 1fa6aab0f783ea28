import { DEFAULT_LOCALE } from '../universal/i18n/locales';
import { randomUUID } from 'node:crypto';
import { consumeRateLimit } from '../abuse/rate-limit';
import { type AgentDocument, refuseMissingAgentDocument } from '../agents/agent-document';
import { storeAgentDocument } from '../agents/store-agent-document';
import { auditEventRow } from '../audit/record-audit-event';
import { acknowledgementJob } from '../clock/acknowledge-request';
import { requestDeadline } from '../clock/request-deadline';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db';
import { createFulfilmentTasks } from '../fulfilment/create-tasks';
import { prepareOutboxEmail } from '../email/enqueue-email';
import { env } from '../env';
import { AppError } from '../errors';
import { type JobRequest, jobSpecs } from '../queue/add-job';
import { emailHashes, emailHashKeyId, generateToken, hashEmail, hashToken } from '../security/tokens';
import { newVerificationLink } from '../verification/issue-verification-token';
import type { RequestType } from '../universal/codes';
import { phrase } from '../universal/i18n/phrase';
import { formatReference } from '../universal/reference';
import type { NewRequest } from '../universal/request-schema';
import { isOptOutOnly, optOutTypes } from '../verification/opt-outs';
import { submitOptOut } from './submit-opt-out';
import { withSpan } from '../tracing/span';

export type SubmittedRequest = {
  id: string;
  reference: string;
  /** `in_progress` for a request of opt-outs only (acted on at receipt), else `unverified`. */
  status: 'unverified' | 'in_progress';
  /** False when nothing waits for the email to be confirmed: no verification link was sent. */
  verificationRequired: boolean;
  /** The opt-outs acted on at receipt, without verification (their tasks exist already). */
  actedOnAtReceipt: RequestType[];
  submissionToken: string;
};

/**
 * Records a new request as `unverified` and sends the verification email. The row, its audit event,
 * its verification link, the outbox email, its delivery job, the reminder and expiry jobs (and, in California,
 * the acknowledgement job) are written by one statement, so they exist together or not at all.
 *
 * Intake is the portal's busiest path (bench/intake): after the two rate-limit counters it costs two
 * round trips, the request's number and the statement, where an interactive transaction took six.
 *
 * Opt-outs need no verification (lib/verification/opt-outs.ts). A request of opt-outs only is acted
 * on at receipt instead (`submitOptOut`). A request with an opt-out among other types is written as
 * above, in a transaction that also creates its opt-out tasks: that part proceeds at once, the rest
 * waits for verification.
 */
async function submitRequestUntraced(options: {
  input: NewRequest;
  /** An authorized agent's proof: required when `input.agent` is given (CCPA regs §7063(a)). */
  agentDocument?: AgentDocument;
  channel: 'web' | 'api' | 'drp';
  /** The request's id and submission token when the caller must know them first (lib/drp derives the token). */
  id?: string;
  submissionToken?: string;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}): Promise<SubmittedRequest> {
  const { input, channel } = options;
  const now = options.now ?? new Date();
  if (input.agent && !options.agentDocument) refuseMissingAgentDocument();
  const deadline = requestDeadline({ jurisdiction: input.jurisdiction, types: input.types, receivedAt: now });
  await consumeRateLimit('submit-ip', options.ip);
  await consumeRateLimit('submit-email', input.email);

  // The number first: the reference it gives is in the verification email, rendered before the write.
  const [{ number }] = await db().$queryRaw<
    [{ number: number }]
  >`SELECT nextval(pg_get_serial_sequence('privacy_request', 'number'))::int AS number`;
  const submissionToken = options.submissionToken ?? generateToken();
  const request = {
    id: options.id ?? randomUUID(),
    number,
    receivedAt: now,
    email: input.email,
    emailHash: hashEmail(input.email),
    emailHashKey: emailHashKeyId(),
    submissionTokenHash: hashToken(submissionToken),
    locale: input.locale ?? DEFAULT_LOCALE,
  };
  const row = requestRow(options, request, deadline.dueAt);
  if (isOptOutOnly(input.types)) {
    await submitOptOut({
      row,
      channel,
      dueAt: deadline.dueAt,
      timeZone: deadline.timeZone,
      ip: options.ip,
      userAgent: options.userAgent,
      byAgent: Boolean(input.agent),
      jurisdiction: input.jurisdiction,
      now,
    });
    return {
      id: request.id,
      reference: formatReference(number, now),
      status: 'in_progress',
      verificationRequired: false,
      actedOnAtReceipt: input.types,
      submissionToken,
    };
  }
  const optOuts = optOutTypes(input.types);

  const agent = input.agent
    ? { name: input.agent.name, email: input.agent.email, kind: input.agent.authorization }
    : null;
  const link = newVerificationLink(request, now, agent);
  const email = await prepareOutboxEmail(link.email);
  const acknowledgement = acknowledgementJob(request.id, deadline.acknowledgeBy);
  const records = {
    audit: auditEventRow({
      requestId: request.id,
      action: 'request.submitted',
      actor: { type: 'requester', ip: options.ip, userAgent: options.userAgent },
      summary: 'Request received; waiting for the email address to be confirmed',
      data: {
        channel,
        types: input.types,
        jurisdiction: input.jurisdiction,
        byAgent: Boolean(input.agent),
        ...(input.agent ? { agentAuthorization: input.agent.authorization } : {}),
      },
    }),
    link: link.row,
    email: email.row,
    jobs: [
      link.expiryJob,
      ...(link.reminderJob ? [link.reminderJob] : []),
      email.deliveryJob,
      ...(acknowledgement ? [acknowledgement] : []),
    ],
  };
  const document = agent && options.agentDocument ? await storeAgentDocument(request.id, options.agentDocument) : null;
  const authorization = agent && document ? { kind: agent.kind, ...document.row } : null;

  const max = env().MAX_UNVERIFIED_PER_EMAIL;
  // Each attempt either writes, or finds every place taken, or lost a place to a concurrent post for
  // the same address (which then holds it): at most `max` of those, so the loop ends.
  for (let attempt = 0; attempt <= max; attempt += 1) {
    const submission = { ...records, authorization };
    const written = await (optOuts.length === 0
      ? writeSubmission(db(), row, submission, max)
      : db().$transaction(async (tx) => {
          const result = await writeSubmission(tx, row, submission, max);
          if (result.stored) await actOnOptOutsAtReceipt(tx, { ...row, types: optOuts });
          return result;
        })
    ).catch(async (error) => {
      await document?.discard();
      throw error;
    });
    if (written.stored)
      return {
        id: request.id,
        reference: formatReference(number, now),
        status: 'unverified',
        verificationRequired: true,
        actedOnAtReceipt: optOuts,
        submissionToken,
      };
    if (written.waiting >= max) {
      await document?.discard();
      refuseTooManyUnverified(max, written.oldestWaiting, now);
    }
  }
  await document?.discard();
  throw new Error('Could not take a place for an unconfirmed request after repeated conflicts.');
}

/** The request's own row: what was submitted, and the values taken for it above. */
function requestRow(
  { input, channel, ip, userAgent }: Parameters<typeof submitRequest>[0],
  request: {
    id: string;
    number: number;
    receivedAt: Date;
    email: string;
    emailHash: string;
    emailHashKey: string;
    submissionTokenHash: string;
    locale: string;
  },
  dueAt: Date,
) {
  return {
    ...request,
    types: input.types,
    jurisdiction: input.jurisdiction,
    channel,
    name: input.name ?? null,
    accountEmail: input.accountEmail ?? null,
    details: input.details ?? null,
    agentName: input.agent?.name ?? null,
    agentEmail: input.agent?.email ?? null,
    dueAt,
    submittedIp: ip?.slice(0, 64) ?? null,
    submittedUserAgent: userAgent?.slice(0, 512) ?? null,
  };
}

type SubmissionRecords = {
  audit: ReturnType<typeof auditEventRow>;
  link: ReturnType<typeof newVerificationLink>['row'];
  email: Awaited<ReturnType<typeof prepareOutboxEmail>>['row'];
  jobs: JobRequest[];
  /** The agent's proof, already stored: its row in agent_authorization. */
  authorization: {
    kind: 'signed_permission' | 'power_of_attorney';
    documentKey: string;
    documentName: string;
    documentType: string;
    documentSize: number;
  } | null;
};

/**
 * The submission in one statement: the request takes the lowest free place among its address's
 * `max` places for unconfirmed requests, and every other row is written only if it did.
 *
 * The places are the cap on unconfirmed requests per address, kept without a lock: the unique index
 * on (email_hash, unverified_slot) lets no two requests hold the same place, and a trigger frees the
 * place when the request leaves `unverified` (confirmed, closed unconfirmed or withdrawn). Two concurrent posts
 * for one address that pick the same place: one writes, the other writes nothing (ON CONFLICT DO
 * NOTHING) and is tried again by the caller with a fresh look at the places.
 */
async function writeSubmission(
  client: Tx | ReturnType<typeof db>,
  row: ReturnType<typeof requestRow>,
  records: SubmissionRecords,
  max: number,
) {
  const { audit, link, email } = records;
  const agent = records.authorization;
  const [result] = await client.$queryRaw<
    [{ stored: boolean; jobs: number; waiting: number; oldestWaiting: Date | null }]
  >`
    WITH waiting AS (
      SELECT unverified_slot, received_at FROM privacy_request
      WHERE email_hash = ANY(${emailHashes(row.email)}::varchar[]) AND status = 'unverified'
    ), taken AS (
      SELECT unverified_slot AS slot FROM waiting WHERE unverified_slot IS NOT NULL
    ), place AS (
      -- The lowest free place is 1 or just after a taken one: a look at the address's few rows only.
      SELECT min(candidate) AS slot FROM (SELECT 1 AS candidate UNION ALL SELECT slot + 1 FROM taken) AS candidates
      WHERE candidate <= ${max}::int AND candidate NOT IN (SELECT slot FROM taken)
    ), request AS (
      INSERT INTO privacy_request (id, number, status, types, jurisdiction, channel, locale, email_hash, email_hash_key, email, name,
        account_email, details, agent_name, agent_email, submission_token_hash, received_at, due_at, submitted_ip,
        submitted_user_agent, unverified_slot, updated_at)
      SELECT ${row.id}::uuid, ${row.number}::int, 'unverified', ${row.types}::"RequestType"[], ${row.jurisdiction},
        ${row.channel}::"SubmissionChannel", ${row.locale}, ${row.emailHash}, ${row.emailHashKey}, ${row.email}, ${row.name}, ${row.accountEmail},
        ${row.details},
        ${row.agentName}, ${row.agentEmail}, ${row.submissionTokenHash}, ${row.receivedAt}::timestamptz, ${row.dueAt}::timestamptz,
        ${row.submittedIp}, ${row.submittedUserAgent}, place.slot, now()
      FROM place WHERE place.slot IS NOT NULL
      ON CONFLICT (email_hash, unverified_slot) DO NOTHING
      RETURNING id
    ), audit AS (
      INSERT INTO audit_event (request_id, action, actor_type, actor_id, ip, user_agent, public, summary, data)
      SELECT request.id, ${audit.action}, ${audit.actorType}::"ActorType", ${audit.actorId}, ${audit.ip}, ${audit.userAgent},
        ${audit.public}, ${audit.summary}, ${JSON.stringify(audit.data)}::jsonb
      FROM request
    ), link AS (
      INSERT INTO verification_link (id, request_id, token_hash, expires_at, created_at)
      SELECT ${link.id}::uuid, request.id, ${link.tokenHash}, ${link.expiresAt}::timestamptz, ${link.createdAt}::timestamptz
      FROM request
    ), outbox AS (
      INSERT INTO outbox_email (id, request_id, template, "to", subject, html, text, template_version)
      SELECT ${email.id}::uuid, request.id, ${email.template}, ${email.to}, ${email.subject}, ${email.html}, ${email.text},
        ${email.templateVersion}::int
      FROM request
    ), agent_proof AS (
      INSERT INTO agent_authorization (request_id, kind, document_key, document_name, document_type, document_size)
      SELECT request.id, ${agent?.kind ?? null}::"AgentAuthorizationKind", ${agent?.documentKey ?? null},
        ${agent?.documentName ?? null}, ${agent?.documentType ?? null}, ${agent?.documentSize ?? null}::int
      FROM request WHERE ${agent !== null}::boolean
    ), jobs AS (
      SELECT graphile_worker.add_jobs(${jobSpecs(records.jobs)}) FROM request
    )
    -- A CTE that only selects runs when read: counting the jobs makes add_jobs run.
    SELECT EXISTS (SELECT FROM request) AS stored, (SELECT count(*)::int FROM jobs) AS jobs,
      (SELECT count(*)::int FROM waiting) AS waiting, (SELECT min(received_at) FROM waiting) AS "oldestWaiting"`;
  return result;
}

/** The opt-outs of a request that also asks for more: their tasks, by the system, at receipt. */
async function actOnOptOutsAtReceipt(tx: Tx, optOut: { id: string; types: RequestType[]; details: string | null }) {
  await createFulfilmentTasks(tx, optOut, { type: 'system' });
  await recordAuditEvent(tx, {
    requestId: optOut.id,
    action: 'opt-out.started',
    actor: { type: 'system' },
    summary: 'Your opt-out needs no confirmation: we are acting on it now',
    data: { types: optOut.types, verification: 'not-required' },
  });
}

/**
 * A cap on requests waiting for confirmation per email address, so that a form cannot be used to
 * flood someone's inbox. Confirming one (the link in the email) frees a place at once; otherwise
 * the oldest is closed (could not verify) when its link runs out.
 */
function refuseTooManyUnverified(max: number, oldestWaiting: Date | null, now: Date): never {
  const ttlMs = env().verificationTtlHours * 3600_000;
  const oldest = oldestWaiting?.getTime() ?? now.getTime();
  const retryAfterSeconds = Math.max(60, Math.ceil((oldest + ttlMs - now.getTime()) / 1000));
  throw AppError.said('RATE_LIMITED', phrase('api.rateLimited.unconfirmed', { max }), { retryAfterSeconds });
}

/** The traced entry point: a span with the channel and the request's id, nothing a person wrote. */
export async function submitRequest(options: Parameters<typeof submitRequestUntraced>[0]): Promise<SubmittedRequest> {
  return withSpan('submitRequest', { 'request.channel': options.channel }, () => submitRequestUntraced(options));
}
