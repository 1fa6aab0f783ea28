import type { Metadata } from 'next';
import { DateTime } from 'luxon';
import { requireStaffPage } from '@/lib/auth/page-guard';
import { listStaff } from '@/lib/staff/list-staff';
import { staffTimeZone } from '@/lib/clock/request-deadline';
import { formatZonedDay } from '../../labels';
import { InviteForm } from './invite-form';
import { StaffTable } from './staff-table';

/**
 * 'same-origin' instead of the workspace's 'no-referrer': under 'no-referrer' a browser posting a
 * form sends `Origin: null`, which Next.js refuses for a server action, and these forms must work
 * without JavaScript. Nothing leaves for another site either way.
 */
export const metadata: Metadata = { title: 'Staff', referrer: 'same-origin' };

/** Admins: who has access to the workspace, with which role; invite, change roles, remove access. */
export default async function StaffPage() {
  const staff = await requireStaffPage('staff.manage', '/admin/staff');
  // Active people first, then those whose access was removed.
  const people = (await listStaff({ staff })).toSorted(
    (a, b) => Number(Boolean(a.deactivatedAt)) - Number(Boolean(b.deactivatedAt)),
  );
  return (
    <>
      <h1>Staff</h1>
      <p>
        Admins manage staff and export the audit log; reviewers work on requests; viewers see requests with personal
        data masked.
      </p>
      <StaffTable
        selfId={staff.id}
        people={people.map((p) => ({
          id: p.id,
          email: p.email,
          name: p.name,
          role: p.role,
          invited: formatZonedDay(p.invitedAt, staffTimeZone()),
          deactivated: p.deactivatedAt ? formatZonedDay(p.deactivatedAt, staffTimeZone()) : null,
          // Stored as the instant they are back; shown as their last day away.
          lastDayAway:
            p.awayUntil && p.awayUntil > new Date()
              ? DateTime.fromJSDate(p.awayUntil, { zone: staffTimeZone() }).minus({ days: 1 }).toISODate()
              : null,
          ssoLinks: p.accounts.map((link) => ({
            id: link.id,
            email: link.email,
            issuer: link.issuer,
            linked: formatZonedDay(link.linkedAt, staffTimeZone()),
          })),
        }))}
      />
      <InviteForm />
    </>
  );
}
