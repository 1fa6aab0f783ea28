import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffPage } from '@/lib/auth/page-guard';
import { formatDays } from '@/lib/metrics/ccpa-report';
import { getRequestMetrics, type RequestMetrics } from '@/lib/metrics/get-request-metrics';
import { getComplaintMetrics } from '@/lib/metrics/complaint-metrics';
import { JURISDICTION_GROUPS, JURISDICTION_LABELS, REQUEST_TYPES } from '@/lib/universal/codes';
import { TYPE_LABELS } from '../../labels';
import { RateLineChart, StackedBarChart } from './charts';
import { readMetricsFilter, type MetricsParams } from './metrics-filter';

export const metadata: Metadata = { title: 'Metrics' };

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const days = (value: number | null) => formatDays(value) || '—';
const rowLabel = (type: string) => (type === 'all' ? 'All requests' : TYPE_LABELS[type as keyof typeof TYPE_LABELS]);

function OutcomesTable({ metrics }: { metrics: RequestMetrics }) {
  return (
    // Scrolls sideways on narrow screens: focusable so that keyboard users can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard (WCAG 2.1.1)
    // biome-ignore lint/a11y/useSemanticElements: a <section> would add a landmark per table; the region is the scroll box
    <div className="admin-table-wrap" tabIndex={0} role="region" aria-label="Outcomes by type">
      <table className="admin-table admin-table--numbers">
        <caption>
          Outcomes of requests received in the period, by type (a request with several types counts under each)
        </caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Received</th>
            <th scope="col">Complied in whole</th>
            <th scope="col">Complied in part</th>
            <th scope="col">Denied</th>
            <th scope="col">Denied: could not verify</th>
            <th scope="col">Denied: not a covered person</th>
            <th scope="col">Denied: exempt</th>
            <th scope="col">Denied: other</th>
            <th scope="col">Withdrawn</th>
            <th scope="col">Expired</th>
            <th scope="col">Still open</th>
            <th scope="col">Median days to response</th>
            <th scope="col">Mean days to response</th>
            <th scope="col">On time</th>
          </tr>
        </thead>
        <tbody>
          {[...metrics.rows, metrics.total].map((r) => (
            <tr key={r.type} className={r.type === 'all' ? 'admin-table__total' : undefined}>
              <th scope="row">{rowLabel(r.type)}</th>
              <td>{r.received}</td>
              <td>{r.compliedWhole}</td>
              <td>{r.compliedPart}</td>
              <td>{r.denied}</td>
              <td>{r.deniedCannotVerify}</td>
              <td>{r.deniedNotCovered}</td>
              <td>{r.deniedExempt}</td>
              <td>{r.deniedOther}</td>
              <td>{r.withdrawn}</td>
              <td>{r.expired}</td>
              <td>{r.open}</td>
              <td>{days(r.medianDays)}</td>
              <td>{days(r.meanDays)}</td>
              <td>
                {percent(r.onTimeRate)}{' '}
                <span className="admin-hint">
                  ({r.onTime} of {r.decided})
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AppealsTable({ metrics }: { metrics: RequestMetrics }) {
  return (
    <table className="admin-table admin-table--numbers">
      <caption>Appeals received in the period, by type of the appealed request</caption>
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">Appeals</th>
          <th scope="col">Granted</th>
          <th scope="col">Rejected</th>
          <th scope="col">Pending</th>
          <th scope="col">Decided on time</th>
        </tr>
      </thead>
      <tbody>
        {[...metrics.rows, metrics.total].map((r) => (
          <tr key={r.type} className={r.type === 'all' ? 'admin-table__total' : undefined}>
            <th scope="row">{rowLabel(r.type)}</th>
            <td>{r.appeals.received}</td>
            <td>{r.appeals.granted}</td>
            <td>{r.appeals.rejected}</td>
            <td>{r.appeals.pending}</td>
            <td>{r.appeals.onTime}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Admins and reviewers: what a regulator and a privacy lead ask for, for a period and a regime. */
export default async function MetricsPage({ searchParams }: { searchParams: MetricsParams }) {
  const staff = await requireStaffPage('metrics.read', '/admin/metrics');
  const f = readMetricsFilter(await searchParams);
  const metrics = f.problem
    ? null
    : await getRequestMetrics({ staff, filter: { from: f.start, to: f.end, regime: f.regime } });
  const complaints = f.problem
    ? null
    : await getComplaintMetrics({ staff, filter: { from: f.start, to: f.end, regime: f.regime } });
  const weeks = metrics ? [...new Set(metrics.weekly.map((w) => w.week))] : [];
  const weeklyCount = (week: string, type: string) =>
    metrics?.weekly.find((w) => w.week === week && w.type === type)?.received ?? 0;

  return (
    <>
      <h1>Metrics</h1>
      <p>
        Requests received in the period, counted in the database, including requests whose personal data has been
        purged. <Link href="/admin/metrics/ccpa-report">CCPA §7102 yearly report</Link>
      </p>
      <form method="get" action="/admin/metrics" className="admin-panel admin-panel--form">
        <fieldset>
          <legend>Period and regime</legend>
          <div className="admin-row">
            <div className="admin-field">
              <label htmlFor="metrics-from">Received from (UTC)</label>
              <input id="metrics-from" name="from" type="date" defaultValue={f.from} required />
            </div>
            <div className="admin-field">
              <label htmlFor="metrics-to">Received to (UTC, included)</label>
              <input id="metrics-to" name="to" type="date" defaultValue={f.to} required />
            </div>
            <div className="admin-field">
              <label htmlFor="metrics-regime">Regime</label>
              <select id="metrics-regime" name="regime" defaultValue={f.regime ?? ''}>
                <option value="">All regimes</option>
                {JURISDICTION_GROUPS.map((group) => (
                  <optgroup key={group.label} label={group.label}>
                    {group.jurisdictions.map((j) => (
                      <option key={j} value={j}>
                        {JURISDICTION_LABELS[j]}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
          </div>
        </fieldset>
        <button type="submit" className="admin-button admin-button--secondary">
          Show
        </button>
      </form>
      {f.problem || !metrics ? (
        <div className="admin-notice admin-notice--error" role="alert">
          <p>{f.problem}</p>
        </div>
      ) : (
        <>
          <section aria-labelledby="outcomes-title">
            <h2 id="outcomes-title">Outcomes</h2>
            <p className="admin-hint">
              Days to response run from receipt to the decision (completed or denied). On time: decided by the due date
              in force.
            </p>
            <OutcomesTable metrics={metrics} />
          </section>
          <section aria-labelledby="open-title">
            <h2 id="open-title">Open now, by due date</h2>
            <table className="admin-table admin-table--numbers">
              <caption>
                Verified requests still open today{f.regime ? ` (${JURISDICTION_LABELS[f.regime]})` : ''}, whenever
                received
              </caption>
              <thead>
                <tr>
                  {metrics.open.map((w) => (
                    <th key={w.key} scope="col">
                      {w.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  {metrics.open.map((w) => (
                    <td key={w.key}>{w.count}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </section>
          <section aria-labelledby="appeals-title">
            <h2 id="appeals-title">Appeals</h2>
            <AppealsTable metrics={metrics} />
          </section>
          {complaints && (
            <section aria-labelledby="complaints-title">
              <h2 id="complaints-title">Complaints</h2>
              <table className="admin-table">
                <caption>Complaints received in the period (UK DPA 2018 s.164A; offered in every regime)</caption>
                <thead>
                  <tr>
                    <th scope="col">Received</th>
                    <th scope="col">Acknowledged within 30 days</th>
                    <th scope="col">Answered</th>
                    <th scope="col">Answered by the target</th>
                    <th scope="col">Open</th>
                    <th scope="col">Overdue</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <td>{complaints.received}</td>
                    <td>{complaints.acknowledgedOnTime}</td>
                    <td>{complaints.resolved}</td>
                    <td>{complaints.resolvedOnTime}</td>
                    <td>{complaints.open}</td>
                    <td>{complaints.overdue}</td>
                  </tr>
                </tbody>
              </table>
            </section>
          )}
          <section aria-labelledby="volume-title" className="admin-chart-pair">
            <h2 id="volume-title">Requests received per week, by type</h2>
            <StackedBarChart
              title="Requests received per week, stacked by type"
              tableId="volume-table"
              categories={weeks}
              series={REQUEST_TYPES.map((t) => ({ name: TYPE_LABELS[t], values: weeks.map((w) => weeklyCount(w, t)) }))}
            />
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard (WCAG 2.1.1) */}
            {/* biome-ignore lint/a11y/useSemanticElements: a <section> would add a landmark per table; the region is the scroll box */}
            <div className="admin-table-wrap" tabIndex={0} role="region" aria-label="Requests received per week">
              <table id="volume-table" className="admin-table admin-table--numbers">
                <caption>Requests received per week (weeks start on Monday, UTC)</caption>
                <thead>
                  <tr>
                    <th scope="col">Week of</th>
                    {REQUEST_TYPES.map((t) => (
                      <th key={t} scope="col">
                        {TYPE_LABELS[t]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {weeks.map((w) => (
                    <tr key={w}>
                      <th scope="row">{w}</th>
                      {REQUEST_TYPES.map((t) => (
                        <td key={t}>{weeklyCount(w, t)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="distribution-title" className="admin-chart-pair">
            <h2 id="distribution-title">Time to a substantive response</h2>
            <StackedBarChart
              title="Decided requests by days from receipt to decision"
              tableId="distribution-table"
              categories={metrics.distribution.map((d) => d.label)}
              series={[{ name: 'Decided requests', values: metrics.distribution.map((d) => d.decided) }]}
            />
            <table id="distribution-table" className="admin-table admin-table--numbers">
              <caption>Decided requests by days from receipt to decision</caption>
              <thead>
                <tr>
                  <th scope="col">Days</th>
                  <th scope="col">Decided requests</th>
                </tr>
              </thead>
              <tbody>
                {metrics.distribution.map((d) => (
                  <tr key={d.label}>
                    <th scope="row">{d.label}</th>
                    <td>{d.decided}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="trend-title" className="admin-chart-pair">
            <h2 id="trend-title">On-time rate by month of receipt</h2>
            <RateLineChart
              title="Share of decided requests decided on time, by month of receipt"
              tableId="trend-table"
              categories={metrics.trend.map((t) => t.month)}
              rates={metrics.trend.map((t) => t.rate)}
            />
            <table id="trend-table" className="admin-table admin-table--numbers">
              <caption>Decided on time, by month of receipt</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Decided</th>
                  <th scope="col">On time</th>
                  <th scope="col">Rate</th>
                </tr>
              </thead>
              <tbody>
                {metrics.trend.map((t) => (
                  <tr key={t.month}>
                    <th scope="row">{t.month}</th>
                    <td>{t.decided}</td>
                    <td>{t.onTime}</td>
                    <td>{percent(t.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </>
  );
}
