import { DateTime } from 'luxon';
import { recordAuditEvent } from '../audit/record-audit-event';
import { staffTimeZone } from '../clock/request-deadline';
import { db } from '../db';
import { AppError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';

/**
 * Marks someone on leave up to and including `awayUntil` (a day in the staff time zone), or back
 * (null). Assignment rules that skip people on leave pass over them until the day after.
 */
export async function setStaffAway(options: { staff: StaffIdentity; userId: string; awayUntil: string | null }) {
  const admin = authorize(options.staff, 'staff.manage');
  const until = options.awayUntil
    ? DateTime.fromISO(options.awayUntil, { zone: staffTimeZone() }).plus({ days: 1 }).startOf('day').toJSDate()
    : null;
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: options.userId } });
    if (!user || user.deactivatedAt) throw new AppError('NOT_FOUND', 'No active staff member with that id.');
    await tx.user.update({ where: { id: user.id }, data: { awayUntil: until } });
    await recordAuditEvent(tx, {
      action: until ? 'staff.away_set' : 'staff.away_cleared',
      actor: { type: 'staff', id: admin.id },
      data: { userId: user.id, lastDayAway: options.awayUntil, awayUntil: until?.toISOString() ?? null },
    });
  });
}
