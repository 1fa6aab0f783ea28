import type { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { checkEndpointUrl } from './check-endpoint-url';
import { createWebhookEndpointSchema } from './schemas';
import { newWebhookSecret } from './webhook-secret';

/**
 * An admin adds a webhook endpoint. Its signing secret is in the result only (shown once); it is
 * stored sealed, and never audited.
 */
export async function createWebhookEndpoint(options: {
  staff: StaffIdentity | null;
  input: z.input<typeof createWebhookEndpointSchema>;
}) {
  const admin = authorize(options.staff, 'webhooks.manage');
  const input = createWebhookEndpointSchema.parse(options.input);
  checkEndpointUrl(input.url);
  const { secret, sealed } = newWebhookSecret();
  return db().$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: { name: input.name, url: input.url, events: input.events, secretSealed: sealed, createdById: admin.id },
      omit: { secretSealed: true },
    });
    await recordAuditEvent(tx, {
      action: 'webhook.endpoint_created',
      actor: { type: 'staff', id: admin.id },
      data: { endpointId: endpoint.id, name: endpoint.name, url: endpoint.url, events: endpoint.events },
    });
    return { ...endpoint, secret };
  });
}
