/**
 * The CCPA §7102(a) yearly report (rights-law.md §3): for the previous calendar year, per category
 * of request — know, delete, correct, opt-out of sale/sharing, limit — the requests received,
 * complied with in whole or in part, denied (broken out as not verifiable, not made by a consumer,
 * exempt information, other), and the median and mean days to a substantive response. California
 * requests (regime US-CA), by date of receipt in the calendar year in California time.
 */
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { csvLine } from '../csv';
import { db } from '../db';
import { AppError } from '../errors';
import { Prisma } from '../generated/prisma/client';
import type { RequestType } from '../universal/codes';
import {
  EMPTY_OUTCOME,
  METRICS_WORK_MEM,
  OUTCOMES_BY_KEY,
  requestGroups,
  toOutcome,
  type OutcomeRow,
} from './outcome-sql';
import { countOptOutChannels, type OptOutChannels } from './opt-out-channels';

/**
 * The portal's request types under the §7102(a)(1) categories (data: change it here, not in the SQL;
 * docs/rights-law.md §3 has the table). Only the right itself counts: an opt-out of sale/sharing is
 * `opt_out_sale`, never unsubscribing from marketing email (CAN-SPAM, not the CCPA) nor an objection;
 * a request to limit is `limit_sensitive`, never a GDPR-style restriction. Types outside every
 * category (restriction, objection, unsubscribe) are not in the report.
 */
export const CCPA_CATEGORIES = [
  { key: 'know', label: 'Requests to know', types: ['access', 'export'] },
  { key: 'delete', label: 'Requests to delete', types: ['deletion'] },
  { key: 'correct', label: 'Requests to correct', types: ['correction'] },
  { key: 'opt_out', label: 'Requests to opt out of sale/sharing', types: ['opt_out_sale'] },
  { key: 'limit', label: 'Requests to limit use of sensitive personal information', types: ['limit_sensitive'] },
] as const satisfies readonly { key: string; label: string; types: readonly RequestType[] }[];

export type CcpaCategory = (typeof CCPA_CATEGORIES)[number]['key'];

export type CcpaReportRow = {
  category: CcpaCategory;
  label: string;
  received: number;
  compliedInWholeOrPart: number;
  compliedInWhole: number;
  compliedInPart: number;
  denied: number;
  deniedNotVerifiable: number;
  deniedNotAConsumer: number;
  deniedExempt: number;
  deniedOther: number;
  medianDays: number | null;
  meanDays: number | null;
};

export type CcpaReport = {
  year: number;
  regime: 'US-CA';
  timeZone: 'America/Los_Angeles';
  rows: CcpaReportRow[];
  /** The requests to opt out, by how they arrived: asked for, or an opt-out preference signal (§7025). */
  optOutChannels: OptOutChannels;
};

export async function getCcpaReport(options: { staff: StaffIdentity | null; year: number }): Promise<CcpaReport> {
  authorize(options.staff, 'metrics.read');
  const { year } = options;
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new AppError('INVALID_INPUT', 'Choose a calendar year such as 2025.');
  const mapping = Prisma.join(
    CCPA_CATEGORIES.flatMap((c) => c.types.map((t) => Prisma.sql`WHEN ${t}::text THEN ${c.key}::text`)),
    ' ',
  );
  const inYear = Prisma.sql`r.jurisdiction = 'US-CA'
    AND r.received_at >= make_timestamptz(${year}::int, 1, 1, 0, 0, 0, 'America/Los_Angeles')
    AND r.received_at < make_timestamptz(${year + 1}::int, 1, 1, 0, 0, 0, 'America/Los_Angeles')`;
  // A request counts once per category it concerns (access + export is one request to know).
  const [, rows] = await db().$transaction([
    db().$queryRaw`${METRICS_WORK_MEM}`,
    db().$queryRaw<OutcomeRow[]>`
    WITH g AS (${requestGroups(inYear)}),
    k AS (
      SELECT c.category AS key, g.status, g.partial, g.denial_reason, g.open, g.days, g.on_time, g.n
      FROM g CROSS JOIN LATERAL (SELECT DISTINCT CASE t::text ${mapping} END AS category FROM unnest(g.types) t) c
      WHERE c.category IS NOT NULL
    )
    ${OUTCOMES_BY_KEY}
    SELECT * FROM outcomes`,
  ]);
  const byCategory = new Map(rows.map((r) => [r.key, toOutcome(r)]));
  const optOutChannels = await countOptOutChannels(db(), inYear);
  return {
    year,
    regime: 'US-CA',
    timeZone: 'America/Los_Angeles',
    optOutChannels,
    rows: CCPA_CATEGORIES.map((c) => {
      const o = byCategory.get(c.key) ?? EMPTY_OUTCOME;
      return {
        category: c.key,
        label: c.label,
        received: o.received,
        compliedInWholeOrPart: o.compliedWhole + o.compliedPart,
        compliedInWhole: o.compliedWhole,
        compliedInPart: o.compliedPart,
        denied: o.denied,
        deniedNotVerifiable: o.deniedCannotVerify,
        deniedNotAConsumer: o.deniedNotCovered,
        deniedExempt: o.deniedExempt,
        deniedOther: o.deniedOther,
        medianDays: o.medianDays,
        meanDays: o.meanDays,
      };
    }),
  };
}

const COLUMNS: { key: keyof CcpaReportRow; header: string }[] = [
  { key: 'label', header: 'Category' },
  { key: 'received', header: 'Received' },
  { key: 'compliedInWholeOrPart', header: 'Complied with in whole or in part' },
  { key: 'compliedInWhole', header: 'Complied with in whole' },
  { key: 'compliedInPart', header: 'Complied with in part' },
  { key: 'denied', header: 'Denied' },
  { key: 'deniedNotVerifiable', header: 'Denied: not verifiable' },
  { key: 'deniedNotAConsumer', header: 'Denied: not made by a consumer' },
  { key: 'deniedExempt', header: 'Denied: exempt information' },
  { key: 'deniedOther', header: 'Denied: other' },
  { key: 'medianDays', header: 'Median days to substantive response' },
  { key: 'meanDays', header: 'Mean days to substantive response' },
];

export const CCPA_REPORT_COLUMNS = COLUMNS;

/** Days with one decimal, as the page and the CSV show them; empty when nothing was decided. */
export function formatDays(days: number | null): string {
  return days === null ? '' : days.toFixed(1);
}

export function ccpaReportCsv(report: CcpaReport): string {
  const cell = (row: CcpaReportRow, key: keyof CcpaReportRow) =>
    key === 'medianDays' || key === 'meanDays' ? formatDays(row[key]) : row[key];
  return (
    csvLine(COLUMNS.map((c) => c.header)) +
    report.rows.map((row) => csvLine(COLUMNS.map((c) => cell(row, c.key)))).join('')
  );
}
