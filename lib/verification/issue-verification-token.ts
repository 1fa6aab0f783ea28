import { randomUUID } from 'node:crypto';
import type { Tx } from '../db';
import { enqueueEmail, brand } from '../email/enqueue-email';
import { env } from '../env';
import { addJob, removeJob, type JobRequest } from '../queue/add-job';
import { isLocale } from '../universal/i18n/locales';
import { formatReference } from '../universal/reference';
import { publicLinks } from '../email/public-links';
import { generateToken, hashToken } from '../security/tokens';

type LinkedRequest = { id: string; number: number; receivedAt: Date; email: string; locale?: string };

/** The keys of an unconfirmed request's jobs: one of each, replaced when a new link is sent. */
export const unverifiedJobKey = {
  expire: (requestId: string) => `expire-unverified:${requestId}`,
  remind: (requestId: string) => `remind-unverified:${requestId}`,
};

/**
 * The reminder before a link that runs out at `expiresAt`, VERIFICATION_REMINDER_HOURS ahead of it;
 * none when the link lives no longer than that (or reminders are off).
 */
export function reminderJob(requestId: string, issuedAt: Date, expiresAt: Date) {
  const leadMs = env().VERIFICATION_REMINDER_HOURS * 3600_000;
  if (leadMs <= 0 || expiresAt.getTime() - issuedAt.getTime() <= leadMs) return null;
  return {
    name: 'remind-unverified-request' as const,
    payload: { requestId, expiresAt: expiresAt.toISOString() },
    runAt: new Date(expiresAt.getTime() - leadMs),
    jobKey: unverifiedJobKey.remind(requestId),
  } satisfies JobRequest;
}

/** An authorized agent's request: who filed it and the kind of proof (lib/agents). */
export type LinkAgent = { name: string; email: string; kind: 'signed_permission' | 'power_of_attorney' };

/**
 * Where the verification link goes. The person's own address, always, except for an agent with a
 * power of attorney (CCPA regs §7063(b)): the person need not confirm, so the agent proves its own address.
 */
function verificationRecipient(request: LinkedRequest, agent?: LinkAgent | null) {
  if (agent?.kind === 'power_of_attorney')
    return { to: agent.email, agent: { name: agent.name, recipient: 'agent' as const } };
  if (agent) return { to: request.email, agent: { name: agent.name, recipient: 'person' as const } };
  return { to: request.email, agent: undefined };
}

/**
 * A new verification link for the request, not yet written: the stored row (only the token's hash),
 * the jobs that remind the requester before the link runs out and expire the request when it does
 * (keyed, so they are replaced, never duplicated), and the email that carries the token.
 */
export function newVerificationLink(request: LinkedRequest, now: Date, agent?: LinkAgent | null) {
  const recipient = verificationRecipient(request, agent);
  const token = generateToken();
  const ttlHours = env().verificationTtlHours;
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  const expiryJob = {
    name: 'expire-unverified-request' as const,
    payload: { requestId: request.id },
    runAt: expiresAt,
    jobKey: unverifiedJobKey.expire(request.id),
  } satisfies JobRequest;
  return {
    row: { id: randomUUID(), requestId: request.id, tokenHash: hashToken(token), expiresAt, createdAt: now },
    expiryJob,
    reminderJob: reminderJob(request.id, now, expiresAt),
    email: {
      template: 'verify-request' as const,
      to: recipient.to,
      requestId: request.id,
      // Written before the request's row exists (lib/requests/submit-request.ts): its language is given here.
      locale: isLocale(request.locale) ? request.locale : undefined,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        verifyUrl: publicLinks.verify(token, request.locale),
        expiresInHours: ttlHours,
        ...(recipient.agent ? { agent: recipient.agent } : {}),
      },
    },
  };
}

/**
 * Writes a new link row in the caller's transaction. Earlier unused links stop working: only the
 * newest email is valid. Returns the token, which only the email carries.
 */
export async function replaceVerificationLink(tx: Tx, requestId: string, expiresAt: Date, now: Date) {
  const token = generateToken();
  await tx.verificationLink.updateMany({ where: { requestId, usedAt: null }, data: { usedAt: now } });
  await tx.verificationLink.create({
    data: { id: randomUUID(), requestId, tokenHash: hashToken(token), expiresAt, createdAt: now },
  });
  return token;
}

/**
 * Creates a fresh single-use verification link for the request and emails it, in the caller's
 * transaction. Earlier unused links stop working: only the newest email is valid. The request is
 * reminded before, and expires when, the newest link runs out (the jobs are replaced, never duplicated).
 */
export async function issueVerificationToken(
  tx: Tx,
  request: LinkedRequest & { agentName: string | null; agentEmail: string | null },
  now = new Date(),
) {
  const authorization = await tx.agentAuthorization.findUnique({
    where: { requestId: request.id },
    select: { kind: true },
  });
  const agent =
    authorization && request.agentName && request.agentEmail
      ? { name: request.agentName, email: request.agentEmail, kind: authorization.kind }
      : null;
  const link = newVerificationLink(request, now, agent);
  await tx.verificationLink.updateMany({ where: { requestId: request.id, usedAt: null }, data: { usedAt: now } });
  await tx.verificationLink.create({ data: link.row });
  await addJob(tx, link.expiryJob.name, link.expiryJob.payload, {
    runAt: link.expiryJob.runAt,
    jobKey: link.expiryJob.jobKey,
  });
  if (link.reminderJob)
    await addJob(tx, link.reminderJob.name, link.reminderJob.payload, {
      runAt: link.reminderJob.runAt,
      jobKey: link.reminderJob.jobKey,
    });
  else await removeJob(tx, unverifiedJobKey.remind(request.id));
  await enqueueEmail(tx, link.email);
}
