import type { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { endpointOrThrow } from './change-webhook-endpoint';
import { webhookEndpointIdSchema } from './schemas';
import { newWebhookSecret } from './webhook-secret';

/**
 * An admin replaces an endpoint's signing secret: every delivery from now on (retries of older
 * events included) is signed with the new one, which is in the result only (shown once).
 */
export async function rotateWebhookSecret(options: {
  staff: StaffIdentity | null;
  input: z.input<typeof webhookEndpointIdSchema>;
}) {
  const admin = authorize(options.staff, 'webhooks.manage');
  const { endpointId } = webhookEndpointIdSchema.parse(options.input);
  const { secret, sealed } = newWebhookSecret();
  await db().$transaction(async (tx) => {
    const endpoint = await endpointOrThrow(tx, endpointId);
    await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { secretSealed: sealed } });
    await recordAuditEvent(tx, {
      action: 'webhook.secret_rotated',
      actor: { type: 'staff', id: admin.id },
      data: { endpointId, name: endpoint.name },
    });
  });
  return { secret };
}
