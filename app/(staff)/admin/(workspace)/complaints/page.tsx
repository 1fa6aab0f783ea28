import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffPage } from '@/lib/auth/page-guard';
import { listOpenComplaints } from '@/lib/complaints/list-open-complaints';
import { can } from '@/lib/permissions/staff-permissions';
import { formatZonedDay } from '../../labels';
import { CountdownBadge } from '../countdown-badge';
import { ResolveComplaintForm } from './resolve-complaint-form';

export const metadata: Metadata = { title: 'Complaints' };

/**
 * Complaints waiting for their outcome, due first, then those answered this week (UK DPA 2018 s.164A: acknowledged at receipt by
 * email, the outcome "without undue delay", our target in lib/complaints/complaint-rules.ts).
 */
export default async function ComplaintsPage() {
  const staff = await requireStaffPage('requests.read', '/admin/complaints');
  const complaints = await listOpenComplaints({ staff });
  const canResolve = can(staff.role, 'complaints.resolve');
  return (
    <>
      <h1>Complaints</h1>
      {complaints.length === 0 ? (
        <p className="admin-muted">No complaints are waiting for an answer, and none was answered this week.</p>
      ) : (
        <ul className="admin-tasks">
          {complaints.map((c) => (
            <li key={c.id} className="admin-action" aria-labelledby={`complaint-${c.id}`}>
              <h2 id={`complaint-${c.id}`}>
                Complaint about <Link href={`/admin/requests/${c.requestId}`}>{c.reference}</Link>
              </h2>
              <dl className="admin-summary">
                <dt>Regime</dt>
                <dd>{c.jurisdiction}</dd>
                <dt>Received</dt>
                <dd>{formatZonedDay(c.receivedAt, c.timeZone)}</dd>
                <dt>Acknowledged</dt>
                <dd>
                  {c.acknowledgedAt
                    ? `${formatZonedDay(c.acknowledgedAt, c.timeZone)} (by email)`
                    : `Not yet: due by ${formatZonedDay(c.acknowledgeBy, c.timeZone)}`}
                </dd>
                <dt>Answer by</dt>
                <dd className="admin-table__due">
                  <time dateTime={c.respondBy.toISOString()}>{formatZonedDay(c.respondBy, c.timeZone)}</time>{' '}
                  {!c.resolvedAt && <CountdownBadge countdown={c.countdown} />}
                </dd>
                {c.resolvedAt && (
                  <>
                    <dt>Answered</dt>
                    <dd>{formatZonedDay(c.resolvedAt, c.timeZone)}</dd>
                  </>
                )}
              </dl>
              {c.statement !== null && <p className="admin-prewrap">{c.statement}</p>}
              {canResolve && <ResolveComplaintForm complaintId={c.id} resolved={c.resolvedAt !== null} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
