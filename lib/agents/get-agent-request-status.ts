import { consumeRateLimit } from '../abuse/rate-limit';
import { requestDeadline } from '../clock/request-deadline';
import { db } from '../db';
import { AppError } from '../errors';
import { statusTokenMatches } from '../security/status-token';
import type { RequestStatus, RequestType } from '../universal/codes';
import { formatReference } from '../universal/reference';
import { isUuid } from '../uuid';

export type AgentRequestStatus = {
  reference: string;
  /** The language the request was filed in (by the agent), which this page speaks. */
  locale: string;
  types: RequestType[];
  status: RequestStatus;
  receivedAt: string;
  dueAt: string;
  timeZone: string;
  closedAt: string | null;
  /** The person agreed that the agent gets copies of our emails to them. */
  copies: boolean;
  /** A denial because the agent's authority was refused or not accepted. */
  notAuthorized: boolean;
};

/**
 * What an authorized agent may see on its own status link: where the request stands and when it is
 * due. Read-only: no withdraw, no reply, no data package (that goes to the person only), and nothing
 * the person or staff wrote. A wrong link answers as the person's page does (same message, counted
 * by the failed-lookup limit), so it says nothing about which requests exist.
 */
export async function getAgentRequestStatus(options: {
  requestId: string;
  token: string;
  ip?: string | null;
}): Promise<AgentRequestStatus> {
  const request = isUuid(options.requestId)
    ? await db().privacyRequest.findUnique({
        where: { id: options.requestId },
        include: { agentAuthorization: true, pauses: true },
      })
    : null;
  const nonce = request?.agentAuthorization?.agentStatusNonce ?? null;
  if (!request || !statusTokenMatches({ id: request.id, statusNonce: nonce }, options.token)) {
    await consumeRateLimit('failed-lookup-ip', options.ip);
    throw new AppError(
      'NOT_FOUND',
      'This status link is not valid. Use the link from your most recent email about this request.',
    );
  }
  const deadline = requestDeadline(request);
  return {
    reference: formatReference(request.number, request.receivedAt),
    locale: request.locale,
    types: request.types,
    status: request.status,
    receivedAt: request.receivedAt.toISOString(),
    dueAt: deadline.dueAt.toISOString(),
    timeZone: deadline.timeZone,
    closedAt: request.closedAt?.toISOString() ?? null,
    copies: request.agentAuthorization?.copiesConsented ?? false,
    notAuthorized: request.denialReason === 'agent_not_authorized',
  };
}
