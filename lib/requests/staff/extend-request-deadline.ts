import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { extendDeadline } from '../../clock/extend-deadline';
import { db } from '../../db';
import { lockRequestFor } from './lock-request';

/** A reviewer or admin takes the regime's extension, with the reason the requester will read. */
export async function extendRequestDeadline(options: {
  staff: StaffIdentity;
  requestId: string;
  reason: string;
  now?: Date;
}) {
  const staff = authorize(options.staff, 'requests.work');
  return db().$transaction(async (tx) => {
    await lockRequestFor(tx, options.requestId, 'extend');
    return extendDeadline(tx, {
      requestId: options.requestId,
      reason: options.reason,
      actor: { type: 'staff', id: staff.id },
      now: options.now,
    });
  });
}
