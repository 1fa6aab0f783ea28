import type { Metadata } from 'next';
import { requireStaffPage } from '@/lib/auth/page-guard';
import { CsvRangeDownload, type RangeParams } from '../csv-range-download';

export const metadata: Metadata = { title: 'Records of requests' };

/** Admins: choose dates of receipt (UTC days, both included) and download the §7101 records as CSV. */
export default async function RecordsPage({ searchParams }: { searchParams: Promise<RangeParams> }) {
  await requireStaffPage('records.export', '/admin/records');
  return (
    <>
      <h1>Records of requests</h1>
      <p>
        The record CCPA regs §7101 asks a business to keep for at least 24 months, for requests received in the chosen
        dates: date of request, nature of request, manner made, date and nature of the response, the basis of any
        denial, and any appeal and its outcome. It holds no personal data, so it is complete even for requests whose
        personal data has been purged. Each export is recorded in the <a href="/admin/audit">audit log</a>.
      </p>
      <CsvRangeDownload
        params={await searchParams}
        page="/admin/records"
        api="/api/admin/records"
        idPrefix="records"
        linkText={(from, to) => `Download the records of requests received ${from} to ${to} (CSV)`}
      />
    </>
  );
}
