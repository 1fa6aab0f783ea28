import type { z } from 'zod';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db';
import { AppError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { webhookEndpointIdSchema } from './schemas';

type Change = 'enable' | 'disable' | 'delete';

export async function endpointOrThrow(tx: Tx, id: string) {
  const endpoint = await tx.webhookEndpoint.findUnique({ where: { id }, omit: { secretSealed: true } });
  if (!endpoint) throw new AppError('NOT_FOUND', 'This endpoint does not exist (any more).');
  return endpoint;
}

/**
 * An admin enables, disables or deletes an endpoint. Enabling starts its failure count afresh;
 * deliveries already queued for a disabled endpoint are skipped when their job runs; deleting removes
 * its delivery log too (the audit log keeps what was done).
 */
export async function changeWebhookEndpoint(options: {
  staff: StaffIdentity | null;
  change: Change;
  input: z.input<typeof webhookEndpointIdSchema>;
  now?: Date;
}) {
  const admin = authorize(options.staff, 'webhooks.manage');
  const { endpointId } = webhookEndpointIdSchema.parse(options.input);
  const now = options.now ?? new Date();
  await db().$transaction(async (tx) => {
    const endpoint = await endpointOrThrow(tx, endpointId);
    if (options.change === 'delete') await tx.webhookEndpoint.delete({ where: { id: endpointId } });
    else if (options.change === 'enable')
      await tx.webhookEndpoint.update({
        where: { id: endpointId },
        data: { enabled: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0 },
      });
    else
      await tx.webhookEndpoint.update({
        where: { id: endpointId },
        data: { enabled: false, disabledAt: now, disabledReason: 'admin' },
      });
    await recordAuditEvent(tx, {
      action: `webhook.endpoint_${options.change === 'delete' ? 'deleted' : `${options.change}d`}`,
      actor: { type: 'staff', id: admin.id },
      data: { endpointId, name: endpoint.name, url: endpoint.url },
    });
  });
}
