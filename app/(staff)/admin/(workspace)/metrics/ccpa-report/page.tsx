import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffPage } from '@/lib/auth/page-guard';
import { CCPA_REPORT_COLUMNS, formatDays, getCcpaReport } from '@/lib/metrics/ccpa-report';

export const metadata: Metadata = { title: 'CCPA §7102 report' };

type SearchParams = Promise<{ year?: string | string[] }>;

/**
 * The yearly metrics California requires businesses to publish (CCPA regs §7102(a)), for the
 * previous calendar year by default, ready to publish as it stands and downloadable as CSV and JSON.
 */
export default async function CcpaReportPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requireStaffPage('metrics.read', '/admin/metrics/ccpa-report');
  const requested = Number([(await searchParams).year].flat()[0]);
  const year =
    Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : new Date().getUTCFullYear() - 1;
  const report = await getCcpaReport({ staff, year });
  const download = (format: 'csv' | 'json') =>
    `/api/admin/ccpa-report?${new URLSearchParams({ year: String(year), format })}`;

  return (
    <>
      <p className="admin-breadcrumb">
        <Link href="/admin/metrics">Metrics</Link>
      </p>
      <h1>California consumer request metrics, {year}</h1>
      <form method="get" action="/admin/metrics/ccpa-report" className="admin-inline-form">
        <label htmlFor="ccpa-year">Calendar year</label>
        <input id="ccpa-year" name="year" type="number" min={2000} max={2100} defaultValue={year} />
        <button type="submit" className="admin-button admin-button--secondary">
          Show
        </button>
      </form>
      <article className="admin-panel">
        <p>
          Requests received from California consumers between 1 January and 31 December {year} (Pacific time), as
          required by the CCPA regulations, §7102(a). A request that asked for more than one thing counts once in each
          category it concerns. Days to a substantive response are counted from the day the request was received.
        </p>
        <div className="admin-table-wrap">
          <table className="admin-table admin-table--numbers">
            <caption>Consumer requests received in {year}</caption>
            <thead>
              <tr>
                {CCPA_REPORT_COLUMNS.map((c) => (
                  <th key={c.key} scope="col">
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={row.category}>
                  {CCPA_REPORT_COLUMNS.map((c) =>
                    c.key === 'label' ? (
                      <th key={c.key} scope="row">
                        {row.label}
                      </th>
                    ) : (
                      <td key={c.key}>
                        {c.key === 'medianDays' || c.key === 'meanDays' ? formatDays(row[c.key]) || '—' : row[c.key]}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          Of the {report.optOutChannels.form + report.optOutChannels.gpcForm + report.optOutChannels.gpcProperty}{' '}
          requests to opt out of sale/sharing: {report.optOutChannels.form} asked for on the form or through the API,{' '}
          {report.optOutChannels.gpcForm} from a Global Privacy Control signal sent with the form, and{' '}
          {report.optOutChannels.gpcProperty} from a signal reported by another Bitstride property (§7025).
        </p>
      </article>
      <p>
        <a className="admin-button admin-button--primary" href={download('csv')} download>
          Download CSV
        </a>{' '}
        <a className="admin-button admin-button--secondary" href={download('json')} download>
          Download JSON
        </a>
      </p>
    </>
  );
}
