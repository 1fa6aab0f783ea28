/**
 * The body of a webhook: the event id, its type and time, and what identifies the request — no
 * personal data (docs/decisions/020): no email, name, identities or free text. Receivers look the
 * request up in the workspace (or the staff API) by id or reference. Built from the stored event, so
 * every retry sends the same body.
 */
import { formatReference } from '../universal/reference';

export type StoredEvent = {
  id: string;
  type: string;
  data: unknown;
  createdAt: Date;
  request: { id: string; number: number; receivedAt: Date; types: string[]; jurisdiction: string } | null;
};

type EventData = { status?: string; dueAt?: string; partial?: boolean; task?: { id?: string; type?: string } };

export function webhookPayload(event: StoredEvent) {
  const data = (event.data ?? {}) as EventData;
  const r = event.request;
  return {
    id: event.id,
    type: event.type,
    timestamp: event.createdAt.toISOString(),
    data: {
      ...(r
        ? {
            request: {
              id: r.id,
              reference: formatReference(r.number, r.receivedAt),
              types: r.types,
              regime: r.jurisdiction,
              status: data.status ?? null,
              dueAt: data.dueAt ?? null,
            },
          }
        : {}),
      ...(data.partial ? { partial: true } : {}),
      ...(data.task ? { task: { id: data.task.id ?? null, type: data.task.type ?? null } } : {}),
    },
  };
}
