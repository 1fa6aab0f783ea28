/**
 * The Exercise Status object (spec §3.03) of a DRP request, from the portal's own request: the
 * portal's status machine is the truth, this is its translation. Every field is present (OSIRAA
 * fails a missing or null one), `results_url` only once fulfilled, times written with `+00:00`.
 */
import { requestDeadline } from '../clock/request-deadline';
import { db } from '../db';
import { publicLinks } from '../email/public-links';
import { env } from '../env';
import { derivedSubmissionToken } from '../security/submission-token';
import type { DenialReason, RequestStatus } from '../generated/prisma/client';
import { OPEN_STATUSES } from '../universal/codes';
import { verificationShortfall } from '../verification/verification-gate';

export type DrpStatus = 'open' | 'in_progress' | 'fulfilled' | 'revoked' | 'denied' | 'expired';
export type DrpReason =
  | 'none'
  | 'need_user_verification'
  | 'suspected_fraud'
  | 'insuf_verification'
  | 'no_match'
  | 'claim_not_covered'
  | 'outside_jurisdiction'
  | 'too_many_requests'
  | 'other';

export type DrpStatusObject = {
  request_id: string;
  agent_request_id?: string;
  status: DrpStatus;
  reason: DrpReason;
  received_at: string;
  expected_by: string;
  processing_details: string;
  user_verification_url: string;
  expires_at: string;
  results_url?: string;
};

/** The portal's status → DRP's (§3.02), as data. `unverified` waits for the person's own confirmation. */
const STATUS: Record<RequestStatus, { status: DrpStatus; reason: DrpReason }> = {
  unverified: { status: 'open', reason: 'need_user_verification' },
  verified: { status: 'in_progress', reason: 'none' },
  in_progress: { status: 'in_progress', reason: 'none' },
  awaiting_requester: { status: 'in_progress', reason: 'none' },
  completed: { status: 'fulfilled', reason: 'none' },
  denied: { status: 'denied', reason: 'other' },
  withdrawn: { status: 'revoked', reason: 'none' },
  // The portal's older "closed unconfirmed": DRP's failed or timed-out need_user_verification.
  expired: { status: 'denied', reason: 'insuf_verification' },
};

const DENIAL_REASON: Record<DenialReason, DrpReason> = {
  cannot_verify: 'insuf_verification',
  manifestly_unfounded: 'suspected_fraud',
  exempt: 'claim_not_covered',
  not_covered: 'claim_not_covered',
  duplicate: 'too_many_requests',
  other: 'other',
  agent_not_authorized: 'other',
};

const DETAILS: Record<RequestStatus, string> = {
  unverified:
    'Waiting for the person to confirm the request: we emailed them a link. We act on it once they confirm (the agent’s email_verified is a claim, not the person’s confirmation).',
  verified: 'Confirmed by the person; our privacy team is working on it.',
  in_progress: 'Our privacy team is working on it.',
  awaiting_requester: 'Our privacy team asked the person a question and is waiting for their answer.',
  completed: 'Done. Any copy of personal data goes to the person by email, never to the agent.',
  denied: 'We could not act on this request; the person received our reasons by email.',
  withdrawn: 'Withdrawn.',
  expired: 'Closed: the person did not confirm the request in time.',
};

/** The token of a DRP request's "check your email" page: derived, like the status link, so it is never stored. */
export function drpSubmissionToken(requestId: string): string {
  return derivedSubmissionToken(requestId);
}

/** ISO 8601 with `+00:00` (Python 3.10's fromisoformat, which OSIRAA's image runs, refuses `Z`). */
export function drpTime(date: Date): string {
  return date.toISOString().replace(/Z$/, '+00:00');
}

function addMonths(date: Date, months: number): Date {
  const next = new Date(date);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}

/** The status object of one DRP request, read now. */
export async function drpStatusObject(drpRequestId: string, now = new Date()): Promise<DrpStatusObject> {
  const drp = await db().drpRequest.findUniqueOrThrow({
    where: { id: drpRequestId },
    include: {
      request: {
        include: {
          pauses: true,
          verificationLinks: { orderBy: { expiresAt: 'desc' }, take: 1, select: { expiresAt: true } },
        },
      },
    },
  });
  const base = {
    request_id: drp.id,
    ...(drp.agentRequestId ? { agent_request_id: drp.agentRequestId } : {}),
    received_at: drpTime(drp.createdAt),
  };
  const request = drp.request;
  const retention = env().RETENTION_MONTHS;
  if (!request) {
    // An exercise recorded without a request of its own (sale:opt-in): answered at receipt.
    return {
      ...base,
      status: 'denied',
      reason: 'claim_not_covered',
      expected_by: drpTime(drp.createdAt),
      processing_details: drp.recordedOnly ?? 'Recorded.',
      user_verification_url: `${env().APP_URL}/`,
      expires_at: drpTime(addMonths(drp.createdAt, retention)),
    };
  }
  const mapped = STATUS[request.status];
  // Confirmed, but the law asks more proof before work on this right (lib/verification/level-rules.ts):
  // DRP's in_progress / need_user_verification (§3.02); the person proves it from their own status page.
  const shortfall =
    request.status !== 'unverified' && OPEN_STATUSES.includes(request.status)
      ? verificationShortfall(request, 'work')
      : null;
  const reason =
    request.status === 'denied' && request.denialReason
      ? DENIAL_REASON[request.denialReason]
      : shortfall
        ? 'need_user_verification'
        : mapped.reason;
  const deadline = requestDeadline(request, now);
  const details = [
    shortfall
      ? `Confirmed by the person, who must still prove who they are from the status page we emailed them. ${shortfall}`
      : DETAILS[request.status],
  ];
  if (request.extendedAt && request.extensionReason)
    details.push(`The deadline was extended to ${drpTime(deadline.dueAt)}: ${request.extensionReason}`);
  const link = publicLinks.submitted(request.id, drpSubmissionToken(request.id));
  // While unconfirmed: the request closes when its newest link runs out. Otherwise: how long we keep its record.
  const expiresAt =
    request.status === 'unverified' && request.verificationLinks[0]
      ? request.verificationLinks[0].expiresAt
      : addMonths(request.closedAt ?? deadline.dueAt, retention);
  return {
    ...base,
    status: mapped.status,
    reason,
    expected_by: drpTime(deadline.dueAt),
    processing_details: details.join(' '),
    user_verification_url: link,
    expires_at: drpTime(expiresAt),
    ...(mapped.status === 'fulfilled' ? { results_url: link } : {}),
  };
}
