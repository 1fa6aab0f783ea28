import { env } from '../env';
import { statusToken } from '../security/status-token';

/** Links the requester receives. Tokens travel in the query string of our own pages only. */
export const publicLinks = {
  verify: (token: string) => `${env().APP_URL}/verify?token=${token}`,
  status: (requestId: string, token: string) => `${env().APP_URL}/status/${requestId}?token=${token}`,
  submitted: (requestId: string, token: string) => `${env().APP_URL}/submitted/${requestId}?token=${token}`,
  /** The status page of a verified request, for any email sent after verification. */
  statusOf: (request: { id: string; statusNonce: string | null }) => {
    if (!request.statusNonce) throw new Error('An unverified request has no status link');
    return publicLinks.status(request.id, statusToken({ id: request.id, statusNonce: request.statusNonce }));
  },
  staffRequest: (requestId: string) => `${env().APP_URL}/admin/requests/${requestId}`,
};

const formats = new Map<string, Intl.DateTimeFormat>();

/** A date as the requester reads it, in the request's legal time zone ("26 December 2026"). */
export function formatPublicDate(date: Date, timeZone = 'UTC'): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
    formats.set(timeZone, format);
  }
  return format.format(date);
}
