import type { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { AppError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { endpointOrThrow } from './change-webhook-endpoint';
import { emitWebhookEvent } from './emit-webhook-event';
import { TEST_EVENT_TYPE } from './event-types';
import { webhookEndpointIdSchema } from './schemas';

/** An admin sends a `webhook.test` event to one endpoint, to check it receives and verifies it. */
export async function sendTestWebhook(options: {
  staff: StaffIdentity | null;
  input: z.input<typeof webhookEndpointIdSchema>;
}) {
  const admin = authorize(options.staff, 'webhooks.manage');
  const { endpointId } = webhookEndpointIdSchema.parse(options.input);
  return db().$transaction(async (tx) => {
    const endpoint = await endpointOrThrow(tx, endpointId);
    if (!endpoint.enabled)
      throw new AppError('CONFLICT', 'Enable the endpoint first: a disabled endpoint gets nothing.');
    const eventId = await emitWebhookEvent(tx, { type: TEST_EVENT_TYPE, requestId: null, onlyEndpointId: endpointId });
    await recordAuditEvent(tx, {
      action: 'webhook.test_sent',
      actor: { type: 'staff', id: admin.id },
      data: { endpointId, eventId },
    });
    return { eventId };
  });
}
