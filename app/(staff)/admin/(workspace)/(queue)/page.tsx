import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffPage } from '@/lib/auth/page-guard';
import { can } from '@/lib/permissions/staff-permissions';
import { listRequests } from '@/lib/requests/staff/list-requests';
import { assignableStaff } from '../../assignable-staff';
import { BulkActionsForm } from './bulk-actions-form';
import { parseQueueParams, queueHref, type QueueSearchParams, tagError } from './queue-filter';
import { QueueFilterForm } from './queue-filter-form';
import { QueueTable } from './queue-table';

export const metadata: Metadata = { title: 'Queue' };

/** The queue: every request staff may need to act on, the earliest due first, 50 to a page. */
export default async function QueuePage({ searchParams }: { searchParams: Promise<QueueSearchParams> }) {
  const params = await searchParams;
  const filter = parseQueueParams(params);
  const refusedTag = tagError(params);
  const staff = await requireStaffPage('requests.read', queueHref(filter, filter.after, refusedTag?.typed));
  const [{ rows, nextCursor }, people] = await Promise.all([listRequests({ staff, filter }), assignableStaff()]);
  const canWork = can(staff.role, 'requests.work');
  const table = <QueueTable rows={rows} selectable={canWork} />;
  const emptyState = (
    <p>
      Try other statuses, a wider due window, or <Link href="/admin">reset the filters</Link>.
    </p>
  );

  return (
    <>
      <h1>Request queue</h1>
      <QueueFilterForm filter={filter} people={people} refusedTag={refusedTag} />
      <h2 className="admin-results-title">
        {rows.length === 0
          ? 'No requests match these filters'
          : `${rows.length}${nextCursor ? '+' : ''} request${rows.length === 1 ? '' : 's'}${filter.after ? ' (later page)' : ''}`}
      </h2>
      {canWork ? (
        // Mounted even when no rows are left, so the result of the bulk action that emptied the page stays visible.
        <BulkActionsForm people={people} canDeny={can(staff.role, 'requests.admin')} hasRows={rows.length > 0}>
          {rows.length === 0 ? emptyState : table}
        </BulkActionsForm>
      ) : rows.length === 0 ? (
        emptyState
      ) : (
        table
      )}
      {(nextCursor || filter.after) && (
        <nav aria-label="Pages" className="admin-pager">
          {filter.after && <Link href={queueHref(filter)}>First page</Link>}
          {nextCursor && <Link href={queueHref(filter, nextCursor)}>Next page</Link>}
        </nav>
      )}
    </>
  );
}
