import type { Metadata } from 'next';
import { requireStaffPage } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: 'Records of requests' };

const DAY = 86_400_000;
const MAX_DAYS = 366;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const validDay = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : undefined);

type SearchParams = Promise<{ from?: string | string[]; to?: string | string[] }>;

/** Checks the range as the export does (`to` inclusive, at most 366 days), so the link never leads to a JSON error. */
function checkRange(from: string, to: string): string | null {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY + 1;
  if (days < 1) return 'The start date must be on or before the end date.';
  if (days > MAX_DAYS) return `Choose at most ${MAX_DAYS} days at a time.`;
  return null;
}

/** Admins: choose dates of receipt (UTC days, both included) and download the §7101 records as CSV. */
export default async function RecordsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaffPage('records.export', '/admin/records');
  const params = await searchParams;
  const today = new Date();
  const from = validDay([params.from].flat()[0]) ?? isoDay(new Date(today.getTime() - 29 * DAY));
  const to = validDay([params.to].flat()[0]) ?? isoDay(today);
  const problem = checkRange(from, to);
  const download = `/api/admin/records?${new URLSearchParams({ from, to })}`;

  return (
    <>
      <h1>Records of requests</h1>
      <p>
        The record CCPA regs §7101 asks a business to keep for at least 24 months, for requests received in the chosen
        dates: date of request, nature of request, manner made, date and nature of the response, the basis of any denial,
        and any appeal and its outcome. It holds no personal data, so it is complete even for requests whose personal data
        has been purged. Each export is recorded in the <a href="/admin/audit">audit log</a>.
      </p>
      <form method="get" action="/admin/records" className="admin-panel admin-panel--form admin-stack">
        <fieldset>
          <legend>Date range (UTC, both days included)</legend>
          <div className="admin-row">
            <div className="admin-field">
              <label htmlFor="records-from">From</label>
              <input id="records-from" name="from" type="date" defaultValue={from} required />
            </div>
            <div className="admin-field">
              <label htmlFor="records-to">To</label>
              <input id="records-to" name="to" type="date" defaultValue={to} required />
            </div>
          </div>
        </fieldset>
        <button type="submit" className="admin-button admin-button--secondary">
          Choose these dates
        </button>
      </form>
      {problem ? (
        <div className="admin-notice admin-notice--error" role="alert">
          <p>{problem}</p>
        </div>
      ) : (
        <p>
          <a className="admin-button admin-button--primary" href={download} download>
            Download the records of requests received {from} to {to} (CSV)
          </a>
        </p>
      )}
    </>
  );
}
