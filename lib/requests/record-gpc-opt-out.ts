import { randomUUID } from 'node:crypto';
import { requestDeadline } from '../clock/request-deadline';
import { db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { submitOptOut } from './submit-opt-out';
import { emailHashes, emailHashKeyId, generateToken, hashEmail, hashToken } from '../security/tokens';
import { formatReference } from '../universal/reference';
import { GPC_SIGNAL } from '../opt-outs/gpc';

export type RecordedSignal = {
  /** False when the person's signal was recorded before: the request is that earlier one. */
  created: boolean;
  requestId: string;
  reference: string;
  status: string;
  receivedAt: Date;
};

/**
 * A Global Privacy Control signal seen for a known person, taken as a request to opt out of
 * sale/sharing (CCPA regs §7025(c)(1)): an opt-out-only request acted on at receipt (`submitOptOut`:
 * no verification, its tasks to every system that sells, shares or targets ads, its confirmation
 * email), with the signal's row in the same transaction. One per person and signal: a repeat, from
 * the form or from a property, finds the first and records nothing (the unique index on
 * (email_hash, signal) settles two at once). Rate limits are the caller's.
 */
export async function recordGpcOptOut(options: {
  email: string;
  jurisdiction: string;
  source: 'form' | 'property';
  property: string;
  observedAt: Date;
  accountId?: string | null;
  apiKeyId?: string | null;
  channel: 'web' | 'api';
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}): Promise<RecordedSignal> {
  const now = options.now ?? new Date();
  const emailHash = hashEmail(options.email);
  const emailHashKey = emailHashKeyId();
  const earlier = await findSignal(options.email);
  if (earlier) return earlier;

  const types = ['opt_out_sale' as const];
  const deadline = requestDeadline({ jurisdiction: options.jurisdiction, types, receivedAt: now });
  const [{ number }] = await db().$queryRaw<
    [{ number: number }]
  >`SELECT nextval(pg_get_serial_sequence('privacy_request', 'number'))::int AS number`;
  const id = randomUUID();
  const row = {
    id,
    number,
    receivedAt: now,
    email: options.email,
    emailHash,
    emailHashKey,
    // Nobody holds a submission token for a signal: the hash of one nobody keeps fills the column.
    submissionTokenHash: hashToken(generateToken()),
    types,
    jurisdiction: options.jurisdiction,
    channel: options.channel,
    details: null,
    dueAt: deadline.dueAt,
    submittedIp: options.ip?.slice(0, 64) ?? null,
    submittedUserAgent: options.userAgent?.slice(0, 512) ?? null,
  };
  try {
    const { reference } = await submitOptOut({
      row,
      channel: options.channel,
      dueAt: deadline.dueAt,
      timeZone: deadline.timeZone,
      ip: options.ip,
      userAgent: options.userAgent,
      byAgent: false,
      jurisdiction: options.jurisdiction,
      now,
      signal: {
        signal: GPC_SIGNAL,
        source: options.source,
        emailHash,
        emailHashKey,
        accountHash: options.accountId ? hashEmail(options.accountId) : null,
        accountHashKey: options.accountId ? emailHashKey : null,
        property: options.property,
        observedAt: options.observedAt,
        apiKeyId: options.apiKeyId ?? null,
      },
    });
    return { created: true, requestId: id, reference, status: 'in_progress', receivedAt: now };
  } catch (error) {
    // Another report of the same person's signal committed first: answer with its request.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const winner = await findSignal(options.email);
      if (winner) return winner;
    }
    throw error;
  }
}

/** The person's signal, under the current key or one not yet re-keyed away from. */
async function findSignal(email: string): Promise<RecordedSignal | null> {
  const signal = await db().optOutSignal.findFirst({
    where: { emailHash: { in: emailHashes(email) }, signal: GPC_SIGNAL },
    select: { request: { select: { id: true, number: true, receivedAt: true, status: true } } },
  });
  if (!signal) return null;
  const { request } = signal;
  return {
    created: false,
    requestId: request.id,
    reference: formatReference(request.number, request.receivedAt),
    status: request.status,
    receivedAt: request.receivedAt,
  };
}
