/**
 * The `deliver-webhook` job: POSTs one event to one endpoint, signed as Standard Webhooks specifies
 * (`webhook-id` = the event id, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">`, through the `standardwebhooks` library). A 2xx answer delivers it; anything
 * else is an attempt that failed, retried by graphile-worker with exponential backoff (exp(attempt)
 * seconds) until the job's attempts run out. A host that resolves to a private address is refused
 * at once (SSRF, the connectors' guard), unless WEBHOOK_PRIVATE_NETWORKS allows it.
 */
import { Webhook } from 'standardwebhooks';
import { db } from '../db';
import { env } from '../env';
import { ConnectorError } from '../fulfilment/connectors/connector-error';
import { resolveAllowed } from '../fulfilment/connectors/network-guard';
import { type Attempt, recordWebhookAttempt, skipWebhookDelivery } from './record-webhook-attempt';
import { postWebhook } from './post-webhook';
import { webhookPayload } from './webhook-payload';
import { openWebhookSecret } from './webhook-secret';

export class WebhookAttemptFailed extends Error {
  override name = 'WebhookAttemptFailed';
}

async function send(endpoint: { url: string; secretSealed: string }, eventId: string, body: string, now: Date) {
  const url = new URL(endpoint.url);
  let address: { address: string; family: 4 | 6 };
  try {
    address = await resolveAllowed(url.hostname, env().WEBHOOK_PRIVATE_NETWORKS);
  } catch (error) {
    if (error instanceof ConnectorError && !error.retryable)
      return {
        refused: true,
        error:
          'Refused: the URL resolves to a private, loopback or link-local address (WEBHOOK_PRIVATE_NETWORKS is off)',
      } as const;
    throw error;
  }
  const signature = new Webhook(openWebhookSecret(endpoint.secretSealed)).sign(eventId, now, body);
  const answer = await postWebhook(url, address, body, {
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': signature,
  });
  return { refused: false, answer } as const;
}

export async function deliverWebhook(options: {
  deliveryId: string;
  attempt: number;
  maxAttempts: number;
  now?: Date;
}) {
  const delivery = await db().webhookDelivery.findUnique({
    where: { id: options.deliveryId },
    include: {
      endpoint: { select: { id: true, url: true, secretSealed: true, enabled: true } },
      event: {
        include: { request: { select: { id: true, number: true, receivedAt: true, types: true, jurisdiction: true } } },
      },
    },
  });
  if (delivery?.status !== 'pending') return;
  if (!delivery.endpoint.enabled) return skipWebhookDelivery(delivery.id);

  const now = options.now ?? new Date();
  const body = JSON.stringify(webhookPayload(delivery.event));
  const lastAttempt = options.attempt >= options.maxAttempts;
  const started = performance.now();
  let attempt: Attempt;
  try {
    const sent = await send(delivery.endpoint, delivery.event.id, body, now);
    const durationMs = Math.round(performance.now() - started);
    if (sent.refused)
      attempt = { ok: false, statusCode: null, durationMs, response: null, error: sent.error, final: true };
    else {
      const ok = sent.answer.status >= 200 && sent.answer.status < 300;
      attempt = {
        ok,
        statusCode: sent.answer.status,
        durationMs,
        response: sent.answer.text,
        error: ok ? null : `HTTP ${sent.answer.status}`,
        final: ok || lastAttempt,
      };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const durationMs = Math.round(performance.now() - started);
    attempt = { ok: false, statusCode: null, durationMs, response: null, error: message, final: lastAttempt };
  }
  await recordWebhookAttempt({ deliveryId: delivery.id, endpointId: delivery.endpoint.id, attempt, now });
  // Throwing hands the job back to graphile-worker, which runs it again after its backoff.
  if (!attempt.final) throw new WebhookAttemptFailed(`Webhook attempt ${options.attempt} failed: ${attempt.error}`);
}
