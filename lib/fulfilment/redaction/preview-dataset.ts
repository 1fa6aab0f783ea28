import { createInterface } from 'node:readline';
import { db } from '../../db';
import { AppError } from '../../errors';
import { isUuid } from '../../uuid';
import { parseDatasetLine } from '../dataset-line';
import { authorize, type StaffIdentity } from '../../permissions/authorize';
import { getObject } from '../../storage/storage';
import { listDatasets } from './list-datasets';
import { loadRedactions, requesterEmails } from './load-redactions';
import { compileRedactor } from './redactor';

export const PREVIEW_PAGE_SIZE = 25;

export type PreviewRow = { number: number; values: Record<string, unknown>; dropped: boolean; withheld: string[] };

/**
 * One page of a data set as the package would carry it, for a reviewer: the stored rows are read
 * only up to the end of the page (never the whole set), each shown with what the redactions
 * withhold from it. Columns are those of the page's rows.
 */
export async function previewDataset(options: {
  staff: StaffIdentity;
  requestId: string;
  dataset: string;
  page: number;
}) {
  authorize(options.staff, 'packages.review');
  if (!isUuid(options.requestId)) throw new AppError('NOT_FOUND', 'No such request.');
  const request = await db().privacyRequest.findUnique({
    where: { id: options.requestId },
    select: { id: true, email: true, accountEmail: true, accountEmailVerifiedAt: true },
  });
  if (!request) throw new AppError('NOT_FOUND', 'No such request.');
  const datasets = await listDatasets(request.id);
  const dataset = datasets.find((d) => d.key === options.dataset);
  if (!dataset) throw new AppError('NOT_FOUND', 'This request has no such data set.');
  const rules = (await loadRedactions(request.id))(dataset.key);
  const redactor = compileRedactor(rules, { requesterEmails: requesterEmails(request) });
  const page = Math.max(1, Math.min(options.page, Math.max(1, Math.ceil(dataset.rows / PREVIEW_PAGE_SIZE))));
  const first = (page - 1) * PREVIEW_PAGE_SIZE + 1;
  const rows: PreviewRow[] = [];
  const source = getObject(dataset.storageKey);
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  let n = 0;
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (!line.trim()) continue;
      n += 1;
      if (n < first) continue;
      const outcome = redactor.apply(parseDatasetLine(line, { dataset: dataset.key, line: lineNumber }), n);
      rows.push({ number: n, values: outcome.row, dropped: outcome.dropped, withheld: [...outcome.withheldFields] });
      if (rows.length === PREVIEW_PAGE_SIZE) break;
    }
  } finally {
    lines.close();
    source.destroy();
  }
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  return {
    dataset,
    datasets,
    page,
    pages: Math.max(1, Math.ceil(dataset.rows / PREVIEW_PAGE_SIZE)),
    columns,
    rows,
    redactions: rules,
  };
}
