import { startRangeExport } from '../audit/start-range-export';
import type { StaffIdentity } from '../permissions/authorize';
import { csvLine } from '../csv';
import { db } from '../db';
import { formatReference } from '../universal/reference';

/** §7101's "nature of response", from the columns the retention purge keeps. */
export function natureOfResponse(r: { status: string; partial: boolean }): string {
  if (r.status === 'completed') return r.partial ? 'complied in part' : 'complied in whole';
  if (r.status === 'denied') return 'denied';
  if (r.status === 'withdrawn') return 'withdrawn by the requester';
  if (r.status === 'expired') return 'expired unverified';
  return 'open';
}

/**
 * §7101's "manner in which the request was made": the form, the API, or an opt-out preference signal
 * (Global Privacy Control) sent with the form or reported by another Bitstride property.
 */
export function mannerMade(r: { channel: string; optOutSignals: { source: string; property: string }[] }): string {
  const signal = r.optOutSignals[0];
  if (signal?.source === 'form') return 'Global Privacy Control (web form)';
  if (signal) return `Global Privacy Control (reported by ${signal.property})`;
  return { api: 'API', web: 'web form', drp: 'Data Rights Protocol' }[r.channel] ?? 'web form';
}

const HEADER = [
  'reference',
  'date_of_request',
  'nature_of_request',
  'manner_made',
  'regime',
  'date_of_response',
  'nature_of_response',
  'basis_of_denial',
  'appeal',
  'appeal_decided',
  'personal_data_purged',
].join(',');

/**
 * The §7101 records of requests received in [from, to) as CSV (admins): date of request, nature of
 * request, manner made, date of response, nature of response, basis of any whole or partial denial,
 * and (Colorado Rule 6.11) the existence and outcome of any appeal. No personal data: the export is
 * the same before and after the retention purge. The export is audited.
 */
export async function* exportRecords(options: {
  staff: StaffIdentity | null;
  from: Date;
  to: Date;
}): AsyncGenerator<string> {
  await startRangeExport({ ...options, permission: 'records.export', action: 'records.exported' });
  yield `${HEADER}\r\n`;
  let cursor = -1;
  for (;;) {
    const rows = await db().privacyRequest.findMany({
      where: { receivedAt: { gte: options.from, lt: options.to }, number: { gt: cursor } },
      orderBy: { number: 'asc' },
      take: 1000,
      select: {
        number: true,
        receivedAt: true,
        types: true,
        channel: true,
        jurisdiction: true,
        status: true,
        partial: true,
        denialReason: true,
        decidedAt: true,
        closedAt: true,
        purgedAt: true,
        appeals: { select: { status: true, decidedAt: true }, orderBy: { receivedAt: 'desc' }, take: 1 },
        optOutSignals: { select: { source: true, property: true }, take: 1 },
      },
    });
    if (rows.length === 0) return;
    yield rows
      .map((r) => {
        const appeal = r.appeals[0];
        return csvLine([
          formatReference(r.number, r.receivedAt),
          r.receivedAt,
          r.types.join(' '),
          mannerMade(r),
          r.jurisdiction,
          r.decidedAt ?? r.closedAt,
          natureOfResponse(r),
          r.denialReason ?? '',
          appeal ? appeal.status : '',
          appeal?.decidedAt ?? '',
          r.purgedAt ? 'yes' : 'no',
        ]);
      })
      .join('');
    cursor = rows.at(-1)!.number;
  }
}
