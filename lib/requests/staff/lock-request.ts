import type { Tx } from '../../db';
import { AppError } from '../../errors';
import { assertTransition, type RequestAction } from '../status-machine';

/**
 * Loads a request for a staff action, locked until the transaction ends (two people acting on one
 * request at once are serialised), and checks that the action is allowed from its status.
 */
export async function lockRequestFor(tx: Tx, requestId: string, action: RequestAction) {
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) throw new AppError('NOT_FOUND', 'No request with that id.');
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM privacy_request WHERE id = ${requestId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new AppError('NOT_FOUND', 'No request with that id.');
  const request = await tx.privacyRequest.findUniqueOrThrow({ where: { id: requestId }, include: { pauses: true } });
  const nextStatus = assertTransition(request.status, action);
  return { request, nextStatus };
}
