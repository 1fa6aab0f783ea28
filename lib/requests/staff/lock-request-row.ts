import type { Tx } from '../../db';
import { AppError } from '../../errors';

/**
 * Locks a request's row until the transaction ends, for staff changes allowed in every status
 * (tags): no transition to check, only that the request exists.
 */
export async function lockRequestRow(tx: Tx, requestId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) throw new AppError('NOT_FOUND', 'No request with that id.');
  const [row] = await tx.$queryRaw<{ id: string; status: string; assignee_id: string | null }[]>`
    SELECT id, status::text, assignee_id FROM privacy_request WHERE id = ${requestId}::uuid FOR UPDATE`;
  if (!row) throw new AppError('NOT_FOUND', 'No request with that id.');
  return row;
}
