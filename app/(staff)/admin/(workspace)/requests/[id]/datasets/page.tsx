import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireStaffPage } from '@/lib/auth/page-guard';
import { AppError } from '@/lib/errors';
import { packageState } from '@/lib/fulfilment/package/download-package';
import { listDatasets } from '@/lib/fulfilment/redaction/list-datasets';
import { previewDataset } from '@/lib/fulfilment/redaction/preview-dataset';
import { REDACTION_REASONS, withheldSentence } from '@/lib/fulfilment/redaction/reasons';
import { isUuid } from '@/lib/uuid';

export const metadata: Metadata = { title: 'Review data sets' };

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const NOTICES: Record<string, string> = {
  'redaction-added': 'Redaction saved: the package will withhold it.',
  'package-released': 'Package released: it is being built with the redactions, then the requester can download it.',
};
const ERRORS: Record<string, string> = {
  invalid_input: 'Check the form: choose a column or give a row number or text, and a reason.',
  conflict: 'The package is already released (or not waiting for review): redactions can no longer change it.',
  not_found: 'This request or data set does not exist.',
};

const REASON_OPTIONS = Object.entries(REDACTION_REASONS);

function cell(value: unknown) {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * A reviewer's look at a request's data sets before release: one bounded page of rows at a time, as
 * the package will carry them, with forms (plain posts, no script needed) to withhold a column or
 * rows, and the release of a package that waits for review.
 */
export default async function DatasetsPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const staff = await requireStaffPage('packages.review', `/admin/requests/${id}/datasets`);
  if (!isUuid(id)) notFound();
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const set = one(query.set);
  const page = Number(one(query.page)) || 1;
  const notice = NOTICES[one(query.notice) ?? ''];
  const error = one(query.error) ? (ERRORS[one(query.error)!] ?? 'That did not work. Try again.') : null;
  const [datasets, pkg] = await Promise.all([listDatasets(id), packageState(id)]);
  let preview: Awaited<ReturnType<typeof previewDataset>> | null = null;
  if (set) {
    try {
      preview = await previewDataset({ staff, requestId: id, dataset: set, page });
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'NOT_FOUND')) throw e;
    }
  }
  const locked = pkg !== null && pkg.status !== 'awaiting_review';

  return (
    <>
      <p className="admin-breadcrumb">
        <Link href={`/admin/requests/${id}`}>Back to the request</Link>
      </p>
      <h1>Review data sets before release</h1>
      {notice && (
        <div className="admin-notice" role="status">
          <p>{notice}</p>
        </div>
      )}
      {error && (
        <div className="admin-notice admin-notice--error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <section aria-labelledby="package-review-title" className="admin-panel">
        <h2 id="package-review-title">Package</h2>
        <p>
          {pkg === null && 'No package yet: redactions made now apply when the request is completed.'}
          {pkg?.status === 'awaiting_review' && 'Waiting for review: it is built once you release it.'}
          {locked && 'Released: what the requester receives can no longer change.'}
        </p>
        {pkg && pkg.withheld.length > 0 && (
          <ul>
            {pkg.withheld.map((w) => (
              <li key={w.reason}>{withheldSentence(w.count, w.reason)}</li>
            ))}
          </ul>
        )}
        {pkg?.status === 'awaiting_review' && (
          <form method="post" action={`/api/admin/requests/${id}/package-release`}>
            <button type="submit" className="admin-button admin-button--primary">
              Release the package
            </button>
          </form>
        )}
      </section>
      <section aria-labelledby="datasets-title" className="admin-panel">
        <h2 id="datasets-title">Data sets</h2>
        {datasets.length === 0 ? (
          <p className="admin-muted">No data collected yet.</p>
        ) : (
          <ul className="admin-list">
            {datasets.map((d) => (
              <li key={d.key}>
                <Link
                  href={`/admin/requests/${id}/datasets?set=${encodeURIComponent(d.key)}`}
                  aria-current={d.key === set ? 'page' : undefined}
                >
                  {d.name} from {d.systemName}
                </Link>{' '}
                ({d.rows} row{d.rows === 1 ? '' : 's'})
              </li>
            ))}
          </ul>
        )}
      </section>
      {preview && (
        <section aria-labelledby="preview-title" className="admin-panel">
          <h2 id="preview-title">
            {preview.dataset.name} from {preview.dataset.systemName}: page {preview.page} of {preview.pages}
          </h2>
          <div className="admin-table-wrap">
            <table className="admin-table">
              <caption>Rows as the package will carry them; withheld values show as [withheld].</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  {preview.columns.map((c) => (
                    <th scope="col" key={c}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.number} data-testid={`preview-row-${r.number}`}>
                    <th scope="row">
                      {r.number}
                      {r.dropped && ' (withheld)'}
                    </th>
                    {preview!.columns.map((c) => (
                      <td key={c}>{r.dropped ? <s>{cell(r.values[c])}</s> : cell(r.values[c])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="Pages of the data set" className="admin-pager">
            {preview.page > 1 && (
              <Link
                href={`/admin/requests/${id}/datasets?set=${encodeURIComponent(preview.dataset.key)}&page=${preview.page - 1}`}
              >
                Previous page
              </Link>
            )}{' '}
            {preview.page < preview.pages && (
              <Link
                href={`/admin/requests/${id}/datasets?set=${encodeURIComponent(preview.dataset.key)}&page=${preview.page + 1}`}
              >
                Next page
              </Link>
            )}
          </nav>
          {!locked && (
            <>
              <form method="post" action={`/api/admin/requests/${id}/redactions`} className="admin-action-form">
                <h3>Withhold a column</h3>
                <input type="hidden" name="dataset" value={preview.dataset.key} />
                <input type="hidden" name="page" value={preview.page} />
                <input type="hidden" name="kind" value="field" />
                <label htmlFor="field-target">Column</label>
                <select id="field-target" name="target" required>
                  {preview.columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
                <label htmlFor="field-reason">Reason</label>
                <select id="field-reason" name="reason" required>
                  {REASON_OPTIONS.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
                <button type="submit" className="admin-button admin-button--primary">
                  Withhold the column
                </button>
              </form>
              <form method="post" action={`/api/admin/requests/${id}/redactions`} className="admin-action-form">
                <h3>Withhold rows</h3>
                <input type="hidden" name="dataset" value={preview.dataset.key} />
                <input type="hidden" name="page" value={preview.page} />
                <input type="hidden" name="kind" value="row" />
                <label htmlFor="row-target">Row number, or a text the rows contain</label>
                <input id="row-target" name="target" required maxLength={500} />
                <label htmlFor="row-reason">Reason</label>
                <select id="row-reason" name="reason" required>
                  {REASON_OPTIONS.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
                <button type="submit" className="admin-button admin-button--primary">
                  Withhold the rows
                </button>
              </form>
            </>
          )}
          {preview.redactions.length > 0 && (
            <>
              <h3>Applied to this data set</h3>
              <ul className="admin-list">
                {preview.redactions.map((r, i) => (
                  <li key={`${r.kind}-${r.target}-${i}`}>
                    {r.kind === 'field'
                      ? `Column ${r.target}`
                      : r.kind === 'row'
                        ? `Rows: ${r.target}`
                        : `Pattern: ${r.target}`}{' '}
                    ({REDACTION_REASONS[r.reason]})
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}
