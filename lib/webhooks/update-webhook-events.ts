import type { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { endpointOrThrow } from './change-webhook-endpoint';
import { updateWebhookEventsSchema } from './schemas';

/** An admin changes which events an endpoint receives (from the next event on). */
export async function updateWebhookEvents(options: {
  staff: StaffIdentity | null;
  input: z.input<typeof updateWebhookEventsSchema>;
}) {
  const admin = authorize(options.staff, 'webhooks.manage');
  const { endpointId, events } = updateWebhookEventsSchema.parse(options.input);
  await db().$transaction(async (tx) => {
    const endpoint = await endpointOrThrow(tx, endpointId);
    await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { events } });
    await recordAuditEvent(tx, {
      action: 'webhook.endpoint_events_changed',
      actor: { type: 'staff', id: admin.id },
      data: { endpointId, name: endpoint.name, from: endpoint.events, to: events },
    });
  });
}
