import { VERIFICATION_LEVEL_LABELS } from '@/lib/verification/levels';
import Link from 'next/link';
import type { QueueRow } from '@/lib/requests/staff/list-requests';
import { formatZonedDay, statusLabel, typeLabels } from '../../labels';
import { CountdownBadge } from '../countdown-badge';
import { SelectAll } from './select-all';

/** The queue's rows, due first. With `selectable`, each row has a box for the bulk actions' form. */
export function QueueTable({ rows, selectable }: { rows: QueueRow[]; selectable: boolean }) {
  return (
    <div className="admin-table-wrap">
      <table className="admin-table">
        <caption className="visually-hidden">Requests, the earliest due first</caption>
        <thead>
          <tr>
            {selectable && (
              <th scope="col" className="admin-table__select">
                <SelectAll />
              </th>
            )}
            <th scope="col">Reference</th>
            <th scope="col">Status</th>
            <th scope="col">Types</th>
            <th scope="col">Regime</th>
            <th scope="col">Identity</th>
            <th scope="col">Received</th>
            <th scope="col">Due</th>
            <th scope="col">Assignee</th>
            <th scope="col">Requester</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {selectable && (
                <td className="admin-table__select">
                  <input
                    type="checkbox"
                    name="requestIds"
                    value={row.id}
                    id={`select-${row.id}`}
                    aria-label={`Select ${row.reference}`}
                  />
                </td>
              )}
              <th scope="row">
                <Link href={`/admin/requests/${row.id}`}>{row.reference}</Link>
                {row.possibleDuplicate && (
                  <>
                    {' '}
                    <span className="admin-badge admin-badge--duplicate">Possible duplicate</span>
                  </>
                )}
                {row.tags.map((tag) => (
                  <span key={tag}>
                    {' '}
                    <Link className="admin-badge" href={`/admin?tag=${tag}`} aria-label={`Requests tagged ${tag}`}>
                      {tag}
                    </Link>
                  </span>
                ))}
              </th>
              <td>{statusLabel(row.status)}</td>
              <td>{typeLabels(row.types)}</td>
              <td>{row.jurisdiction}</td>
              <td>
                {VERIFICATION_LEVEL_LABELS[row.verification.reached]}
                {!row.verification.readyForWork && row.status !== 'unverified' && (
                  <>
                    {' '}
                    <span className="admin-badge admin-badge--duplicate">More proof needed</span>
                  </>
                )}
              </td>
              <td>{formatZonedDay(row.receivedAt, row.timeZone)}</td>
              <td className="admin-table__due">
                <time dateTime={row.dueAt.toISOString()}>{formatZonedDay(row.dueAt, row.timeZone)}</time>{' '}
                <CountdownBadge countdown={row.countdown} />
              </td>
              <td>
                {row.assignee ? (
                  row.assignee.name || row.assignee.email
                ) : (
                  <span className="admin-muted">Unassigned</span>
                )}
              </td>
              <td>
                <span className="admin-masked">{row.email}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
