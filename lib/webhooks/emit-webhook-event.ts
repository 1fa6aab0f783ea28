import type { Tx } from '../db';
import type { WebhookEventType } from './event-types';

/**
 * Emits an event in the caller's transaction through the `webhook_emit()` the audit trigger uses
 * (migration 20261203060000); lib/clock/notify-deadline.ts calls it in SQL for the deadline events.
 * Returns the event id, or null when no enabled endpoint wants it.
 */
export async function emitWebhookEvent(
  tx: Tx,
  event: { type: WebhookEventType | 'webhook.test'; requestId: string | null; onlyEndpointId?: string },
): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ id: string | null }[]>`
    SELECT webhook_emit(${event.type}::text, ${event.requestId}::uuid, '{}'::jsonb, ${event.onlyEndpointId ?? null}::uuid)::text AS id`;
  return row?.id ?? null;
}
