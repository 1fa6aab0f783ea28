import { db } from '../db';
import type { RequestStatus, RequestType } from './codes';
import { findRequestByStatusToken } from './find-request-by-status-token';
import { formatReference } from './reference';
import { deadlineRules } from './request-deadline';
import { resolveRule } from '../deadlines';
import type { Jurisdiction } from './codes';

export const OPEN_STATUSES: RequestStatus[] = ['unverified', 'verified', 'in_progress', 'awaiting_requester'];

export type PublicRequestStatus = {
  id: string;
  reference: string;
  types: RequestType[];
  jurisdiction: string;
  status: RequestStatus;
  receivedAt: string;
  dueAt: string;
  timeZone: string;
  closedAt: string | null;
  canWithdraw: boolean;
  timeline: { at: string; summary: string }[];
};

/** What the holder of a status-page link may see: no personal data beyond what they submitted. */
export async function getRequestStatus(options: { requestId: string; token: string }): Promise<PublicRequestStatus> {
  const request = await findRequestByStatusToken(options.requestId, options.token);
  const events = await db().auditEvent.findMany({
    where: { requestId: request.id, public: true },
    orderBy: { id: 'asc' },
    select: { createdAt: true, summary: true },
  });
  const rule = resolveRule(deadlineRules(), request.jurisdiction as Jurisdiction, request.types[0]);
  return {
    id: request.id,
    reference: formatReference(request.number, request.receivedAt),
    types: request.types,
    jurisdiction: request.jurisdiction,
    status: request.status,
    receivedAt: request.receivedAt.toISOString(),
    dueAt: request.dueAt.toISOString(),
    timeZone: rule.timeZone,
    closedAt: request.closedAt?.toISOString() ?? null,
    canWithdraw: OPEN_STATUSES.includes(request.status),
    timeline: events.map((e) => ({ at: e.createdAt.toISOString(), summary: e.summary ?? '' })),
  };
}
