import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { transactionWithRetry } from '../../db';
import { AppError } from '../../errors';
import { assignRequest } from './assign-request';
import { denyRequest } from './deny-request';

const MAX_BULK = 200;

function checkIds(ids: string[]) {
  if (ids.length === 0) throw new AppError('INVALID_INPUT', 'Select at least one request.');
  if (ids.length > MAX_BULK) throw new AppError('INVALID_INPUT', `Select at most ${MAX_BULK} requests at a time.`);
}

/** Assigns several requests at once; each is its own audited change. Returns how many changed. */
export async function bulkAssign(options: { staff: StaffIdentity; requestIds: string[]; assigneeId: string | null }) {
  authorize(options.staff, 'requests.work');
  checkIds(options.requestIds);
  for (const requestId of options.requestIds)
    await assignRequest({ staff: options.staff, requestId, assigneeId: options.assigneeId });
  return options.requestIds.length;
}

/**
 * An admin denies verified duplicates or spam in one go, with one reason and message. All or
 * nothing: one request that cannot be denied stops the batch, with its reference in the message.
 */
export async function bulkDeny(options: {
  staff: StaffIdentity;
  requestIds: string[];
  reason: 'duplicate' | 'manifestly_unfounded';
  message: string;
}) {
  authorize(options.staff, 'requests.admin');
  checkIds(options.requestIds);
  // Retried if PostgreSQL breaks a deadlock with another batch (tests/integration/staff-workflow.test.ts).
  await transactionWithRetry(
    async (tx) => {
      for (const requestId of options.requestIds) {
        await denyRequest(
          { staff: options.staff, requestId, reason: options.reason, partial: false, message: options.message },
          tx,
        );
      }
    },
    { timeout: 60_000 },
  );
  return options.requestIds.length;
}
