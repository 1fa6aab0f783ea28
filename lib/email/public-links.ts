import { env } from '../env';
import { statusToken } from '../security/status-token';

/** The request's language on a link to a page that cannot look the request up before it speaks. */
const langOf = (locale: string | null | undefined) => (locale && locale !== 'en' ? `&lang=${locale}` : '');

/** Links the requester receives. Tokens travel in the query string of our own pages only. */
export const publicLinks = {
  /** With the request's language, so the page opens in it whatever the browser says. */
  verify: (token: string, locale?: string | null) => `${env().APP_URL}/verify?token=${token}${langOf(locale)}`,
  /** The same: the page and what it answers after its button speak the request's language. */
  proveAccountEmail: (token: string, locale?: string | null) =>
    `${env().APP_URL}/verify/account-email?token=${token}${langOf(locale)}`,
  status: (requestId: string, token: string) => `${env().APP_URL}/status/${requestId}?token=${token}`,
  submitted: (requestId: string, token: string) => `${env().APP_URL}/submitted/${requestId}?token=${token}`,
  /** The status page of a verified request, for any email sent after verification. */
  statusOf: (request: { id: string; statusNonce: string | null }) => {
    if (!request.statusNonce) throw new Error('An unverified request has no status link');
    return publicLinks.status(request.id, statusToken({ id: request.id, statusNonce: request.statusNonce }));
  },
  /** The authorized agent's own status page: read-only, no withdraw, no data package. */
  agentStatus: (requestId: string, token: string) => `${env().APP_URL}/status/${requestId}/agent?token=${token}`,
  agentStatusOf: (request: { id: string }, agentStatusNonce: string) =>
    publicLinks.agentStatus(request.id, statusToken({ id: request.id, statusNonce: agentStatusNonce })),
  staffRequest: (requestId: string) => `${env().APP_URL}/admin/requests/${requestId}`,
  staffComplaints: () => `${env().APP_URL}/admin/complaints`,
};
