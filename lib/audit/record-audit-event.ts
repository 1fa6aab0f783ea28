import type { Prisma } from '../generated/prisma/client';
import type { Tx } from '../db';

export type Actor =
  | { type: 'requester'; ip?: string | null; userAgent?: string | null }
  | { type: 'staff'; id: string; ip?: string | null; userAgent?: string | null }
  | { type: 'system' };

export type AuditEventInput = {
  requestId?: string | null;
  action: string;
  actor: Actor;
  summary?: string;
  data?: Prisma.InputJsonValue;
};

/** The stored row of an audit event: actor details cut to their column sizes, public when it has a summary. */
export function auditEventRow(event: AuditEventInput) {
  const { actor } = event;
  return {
    requestId: event.requestId ?? null,
    action: event.action,
    actorType: actor.type,
    actorId: actor.type === 'staff' ? actor.id : null,
    ip: actor.type === 'system' ? null : (actor.ip?.slice(0, 64) ?? null),
    userAgent: actor.type === 'system' ? null : (actor.userAgent?.slice(0, 512) ?? null),
    public: event.summary !== undefined,
    summary: event.summary ?? null,
    data: event.data ?? {},
  };
}

/**
 * Appends an audit event in the caller's transaction. `summary` is set only for events the requester
 * sees on the status page; it must never repeat text the requester typed.
 */
export async function recordAuditEvent(tx: Tx, event: AuditEventInput) {
  await tx.auditEvent.create({ data: auditEventRow(event) });
}
