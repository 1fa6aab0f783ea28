import type { Readable } from 'node:stream';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { AppError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { getObject } from '../storage/storage';
import { isUuid } from '../uuid';

/**
 * An authorized agent's proof, for staff who may see it: the decrypted document and what to call it.
 * Every view is audited (who, when), before a byte is read.
 */
export async function openAgentDocument(options: {
  staff: StaffIdentity | null;
  requestId: string;
  ip?: string | null;
  userAgent?: string | null;
}): Promise<{ stream: Readable; type: string; filename: string }> {
  const staff = authorize(options.staff, 'agents.proof.view');
  const authorization = isUuid(options.requestId)
    ? await db().agentAuthorization.findUnique({ where: { requestId: options.requestId } })
    : null;
  if (!authorization?.documentKey) throw new AppError('NOT_FOUND', 'This request has no agent document.');
  await recordAuditEvent(db(), {
    requestId: options.requestId,
    action: 'agent_authorization.viewed',
    actor: { type: 'staff', id: staff.id, ip: options.ip, userAgent: options.userAgent },
    data: { kind: authorization.kind },
  });
  return {
    stream: getObject(authorization.documentKey),
    type: authorization.documentType,
    filename: authorization.documentName ?? 'document',
  };
}
