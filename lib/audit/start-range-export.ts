import { db } from '../db';
import { AppError } from '../errors';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import type { Permission } from '../permissions/staff-permissions';
import { recordAuditEvent } from './record-audit-event';

/** A year and a day: a calendar year's export, leap or not, in one go. */
const MAX_RANGE_DAYS = 366;

/**
 * The opening of a date-range CSV export (the audit log, the §7101 records): the staff member's
 * permission, a range [from, to) of at most MAX_RANGE_DAYS, and the export audited before its first
 * row leaves. Returns the staff member.
 */
export async function startRangeExport(options: {
  staff: StaffIdentity | null;
  permission: Permission;
  action: string;
  from: Date;
  to: Date;
}): Promise<StaffIdentity> {
  const staff = authorize(options.staff, options.permission);
  if (!(options.from < options.to))
    throw new AppError('INVALID_INPUT', 'The start of the range must be before its end.');
  if (options.to.getTime() - options.from.getTime() > MAX_RANGE_DAYS * 86_400_000)
    throw new AppError('INVALID_INPUT', `Export at most ${MAX_RANGE_DAYS} days at a time.`);
  await db().$transaction(async (tx) => {
    await recordAuditEvent(tx, {
      action: options.action,
      actor: { type: 'staff', id: staff.id },
      data: { from: options.from.toISOString(), to: options.to.toISOString() },
    });
  });
  return staff;
}
