import { db } from '../db';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { formatReference } from '../universal/reference';

/** Recent deliveries shown per endpoint: the delivery log. */
export const DELIVERY_LOG_SIZE = 20;

/**
 * Every endpoint (never its secret) with its last answer and its recent deliveries: event, request
 * reference, state, attempts and the last attempt's status, duration and (cut) answer.
 */
export async function listWebhookEndpoints(options: { staff: StaffIdentity | null }) {
  authorize(options.staff, 'webhooks.manage');
  const endpoints = await db().webhookEndpoint.findMany({
    omit: { secretSealed: true },
    orderBy: { createdAt: 'asc' },
    include: {
      createdBy: { select: { email: true } },
      deliveries: {
        orderBy: { createdAt: 'desc' },
        take: DELIVERY_LOG_SIZE,
        include: {
          event: { select: { id: true, type: true, request: { select: { number: true, receivedAt: true } } } },
        },
      },
    },
  });
  return endpoints.map(({ deliveries, ...endpoint }) => ({
    ...endpoint,
    deliveries: deliveries.map(({ event, ...d }) => ({
      ...d,
      eventId: event.id,
      eventType: event.type,
      reference: event.request ? formatReference(event.request.number, event.request.receivedAt) : null,
    })),
  }));
}
