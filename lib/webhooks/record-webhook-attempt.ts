import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { env } from '../env';

export type Attempt = {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  response: string | null;
  error: string | null;
  /** The delivery is over: delivered, or failed for good (out of attempts, or refused). */
  final: boolean;
};

/**
 * Writes one attempt's answer on the delivery and on its endpoint (its last response), and keeps the
 * endpoint's count of failures in a row. The attempt that reaches WEBHOOK_DISABLE_AFTER_FAILURES
 * disables the endpoint, audits it and emails every active admin, once.
 */
export async function recordWebhookAttempt(options: {
  deliveryId: string;
  endpointId: string;
  attempt: Attempt;
  now: Date;
}) {
  const { attempt, now } = options;
  const last = {
    lastAttemptAt: now,
    lastStatusCode: attempt.statusCode,
    lastDurationMs: attempt.durationMs,
    lastResponse: attempt.response?.slice(0, 1024) ?? null,
    lastError: attempt.error?.slice(0, 500) ?? null,
  };
  await db().$transaction(async (tx) => {
    await tx.webhookDelivery.update({
      where: { id: options.deliveryId },
      data: {
        ...last,
        attempts: { increment: 1 },
        ...(attempt.ok ? { status: 'delivered', deliveredAt: now } : attempt.final ? { status: 'failed' } : {}),
      },
    });
    const endpoint = await tx.webhookEndpoint.update({
      where: { id: options.endpointId },
      data: { ...last, consecutiveFailures: attempt.ok ? 0 : { increment: 1 } },
      select: { id: true, name: true, consecutiveFailures: true },
    });
    if (!attempt.ok && endpoint.consecutiveFailures >= env().WEBHOOK_DISABLE_AFTER_FAILURES)
      await disableFailingEndpoint(tx, endpoint, attempt, now);
  });
}

async function disableFailingEndpoint(
  tx: Tx,
  endpoint: { id: string; name: string; consecutiveFailures: number },
  attempt: Attempt,
  now: Date,
) {
  const { count } = await tx.webhookEndpoint.updateMany({
    where: { id: endpoint.id, enabled: true },
    data: { enabled: false, disabledAt: now, disabledReason: 'failures' },
  });
  if (count === 0) return;
  const lastFailure = attempt.error ?? `HTTP ${attempt.statusCode}`;
  await recordAuditEvent(tx, {
    action: 'webhook.endpoint_disabled',
    actor: { type: 'system' },
    data: { endpointId: endpoint.id, name: endpoint.name, failures: endpoint.consecutiveFailures, lastFailure },
  });
  const admins = await tx.user.findMany({ where: { role: 'admin', deactivatedAt: null }, select: { email: true } });
  for (const { email } of admins)
    await enqueueEmail(tx, {
      template: 'staff-notice',
      to: email,
      props: {
        brand: brand(),
        heading: `Webhook endpoint "${endpoint.name}" was disabled`,
        body: `Its last ${endpoint.consecutiveFailures} delivery attempts failed (the last: ${lastFailure}). Nothing is sent to it until an admin enables it again under Webhooks.`,
        url: `${env().APP_URL}/admin/webhooks`,
      },
    });
}

/** A delivery whose endpoint was disabled before its job ran: nothing is sent. */
export async function skipWebhookDelivery(deliveryId: string) {
  await db().webhookDelivery.update({ where: { id: deliveryId }, data: { status: 'skipped' } });
}
