import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import type { StaffApiCaller } from './authenticate-staff-api-key';

/**
 * One audit event per staff-API call by an identified key, answered or refused: the staff member it
 * acted as, the key's id, prefix and name, the operation and its status. On a request's timeline when
 * the call succeeded on one. The domain function's own event (note added, assigned…) is written beside it.
 */
export async function recordStaffApiCall(options: {
  caller: StaffApiCaller;
  operationId: string;
  status: number;
  requestId?: string;
  taskId?: string;
  ip: string | null;
  userAgent: string | null;
}) {
  const { caller, operationId, status } = options;
  await db().$transaction(async (tx) => {
    await recordAuditEvent(tx, {
      requestId: status < 300 ? (options.requestId ?? null) : null,
      action: 'staff-api.called',
      actor: { type: 'staff', id: caller.staff.id, ip: options.ip, userAgent: options.userAgent },
      data: {
        operation: operationId,
        status,
        keyId: caller.apiKey.id,
        keyPrefix: caller.apiKey.prefix,
        keyName: caller.apiKey.name,
        ...(options.requestId ? { requestId: options.requestId } : {}),
        ...(options.taskId ? { taskId: options.taskId } : {}),
      },
    });
  });
}
