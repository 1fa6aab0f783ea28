import type { Metadata } from 'next';
import { requireStaffPage } from '@/lib/auth/page-guard';
import { CsvRangeDownload, type RangeParams } from '../csv-range-download';

export const metadata: Metadata = { title: 'Audit log' };

/** Admins: choose dates (UTC days, both included) and download the audit log for them as CSV. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<RangeParams> }) {
  await requireStaffPage('audit.export', '/admin/audit');
  return (
    <>
      <h1>Audit log</h1>
      <p>
        Every change to a request, every reveal of personal data, every sign-in and every staff change, with who did it
        and when. Each export is itself recorded.
      </p>
      <CsvRangeDownload
        params={await searchParams}
        page="/admin/audit"
        api="/api/admin/audit-log"
        idPrefix="audit"
        linkText={(from, to) => `Download the audit log, ${from} to ${to} (CSV)`}
      />
    </>
  );
}
