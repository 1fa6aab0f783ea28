import { randomUUID } from 'node:crypto';
import type { Tx } from '../db';
import { enqueueEmail, brand } from '../email/enqueue-email';
import { env } from '../env';
import { addJob, type JobRequest } from '../queue/add-job';
import { formatReference } from '../universal/reference';
import { publicLinks } from '../email/public-links';
import { generateToken, hashToken } from '../security/tokens';

type LinkedRequest = { id: string; number: number; receivedAt: Date; email: string };

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
 * the job that expires the request when the link does (keyed, so it is replaced, never duplicated),
 * and the email that carries the token.
 */
export function newVerificationLink(request: LinkedRequest, now: Date, agent?: LinkAgent | null) {
  const recipient = verificationRecipient(request, agent);
  const token = generateToken();
  const ttlHours = env().VERIFICATION_TTL_HOURS;
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  const expiryJob = {
    name: 'expire-unverified-request' as const,
    payload: { requestId: request.id },
    runAt: expiresAt,
    jobKey: `expire-unverified:${request.id}`,
  } satisfies JobRequest;
  return {
    row: { id: randomUUID(), requestId: request.id, tokenHash: hashToken(token), expiresAt, createdAt: now },
    expiryJob,
    email: {
      template: 'verify-request' as const,
      to: recipient.to,
      requestId: request.id,
      props: {
        brand: brand(),
        reference: formatReference(request.number, request.receivedAt),
        verifyUrl: publicLinks.verify(token),
        expiresInHours: ttlHours,
        ...(recipient.agent ? { agent: recipient.agent } : {}),
      },
    },
  };
}

/**
 * Creates a fresh single-use verification link for the request and emails it, in the caller's
 * transaction. Earlier unused links stop working: only the newest email is valid. The request expires
 * when the newest link does (the job is replaced, never duplicated).
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
  await enqueueEmail(tx, link.email);
}
