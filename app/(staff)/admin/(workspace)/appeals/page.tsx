import type { Metadata } from 'next';
import Link from 'next/link';
import { listPendingAppeals } from '@/lib/appeals/list-pending-appeals';
import { requireStaffPage } from '@/lib/auth/page-guard';
import { formatZonedDay, typeLabels } from '../../labels';
import { CountdownBadge } from '../countdown-badge';

export const metadata: Metadata = { title: 'Appeals' };

/** Appeals waiting for a decision, due first. They are decided on the request's page. */
export default async function AppealsPage() {
  const staff = await requireStaffPage('requests.read', '/admin/appeals');
  const appeals = await listPendingAppeals({ staff });
  return (
    <>
      <h1>Appeals</h1>
      {appeals.length === 0 ? (
        <p className="admin-muted">No appeals are waiting for a decision.</p>
      ) : (
        <table className="admin-table">
          <caption>Appeals waiting for a decision, due first</caption>
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Regime</th>
              <th scope="col">Types</th>
              <th scope="col">Received</th>
              <th scope="col">Decide by</th>
            </tr>
          </thead>
          <tbody>
            {appeals.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link href={`/admin/requests/${a.requestId}`}>{a.reference}</Link>
                </th>
                <td>{a.jurisdiction}</td>
                <td>{typeLabels(a.types)}</td>
                <td>{formatZonedDay(a.receivedAt, a.timeZone)}</td>
                <td className="admin-table__due">
                  <time dateTime={a.dueAt.toISOString()}>{formatZonedDay(a.dueAt, a.timeZone)}</time>{' '}
                  <CountdownBadge countdown={a.countdown} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
