/**
 * Metrics, the CCPA §7102 report and the §7101 records export against a hand-countable data set.
 * Each request below is numbered; the comments beside each expectation say which ones it counts.
 * Days are whole, receipts at noon UTC, so every median and mean can be checked by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { db } from '../../lib/db';
import { ccpaReportCsv, getCcpaReport } from '../../lib/metrics/ccpa-report';
import { getRequestMetrics } from '../../lib/metrics/get-request-metrics';
import { exportRecords } from '../../lib/records/export-records';
import { formatReference } from '../../lib/universal/reference';
import { resetDatabase } from '../support/reset-database';
import { aRecordedRequest } from '../support/records';
import { aStaffIdentity } from '../support/staff';

let admin: StaffIdentity;
let reviewer: StaffIdentity;
let viewer: StaffIdentity;
const numbers = new Map<number, { number: number; receivedAt: Date }>();

const NOW = new Date('2026-01-10T12:00:00Z');
const YEAR_2025 = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z') };

beforeAll(async () => {
  await resetDatabase();
  admin = await aStaffIdentity('admin');
  reviewer = await aStaffIdentity('reviewer');
  viewer = await aStaffIdentity('viewer');
  const fixture = {
    1: {
      types: ['access'],
      jurisdiction: 'US-CA',
      status: 'completed',
      receivedAt: '2025-03-03T12:00:00Z',
      decidedDays: 10,
    },
    2: {
      types: ['access'],
      jurisdiction: 'US-CA',
      status: 'completed',
      partial: true,
      denialReason: 'exempt',
      receivedAt: '2025-03-04T12:00:00Z',
      decidedDays: 20,
    },
    3: {
      types: ['deletion'],
      jurisdiction: 'US-CA',
      status: 'denied',
      denialReason: 'cannot_verify',
      receivedAt: '2025-03-10T12:00:00Z',
      decidedDays: 30,
    },
    4: {
      types: ['deletion'],
      jurisdiction: 'US-CA',
      status: 'denied',
      denialReason: 'not_covered',
      receivedAt: '2025-03-11T12:00:00Z',
      decidedDays: 50,
    },
    5: {
      types: ['access', 'deletion'],
      jurisdiction: 'US-CA',
      status: 'denied',
      denialReason: 'exempt',
      receivedAt: '2025-04-07T12:00:00Z',
      decidedDays: 40,
    },
    6: {
      types: ['correction'],
      jurisdiction: 'US-CA',
      status: 'denied',
      denialReason: 'manifestly_unfounded',
      receivedAt: '2025-04-08T12:00:00Z',
      decidedDays: 5,
    },
    7: {
      types: ['opt_out_sale'],
      jurisdiction: 'US-CA',
      status: 'withdrawn',
      receivedAt: '2025-04-09T12:00:00Z',
      closedDays: 3,
    },
    8: {
      types: ['access'],
      jurisdiction: 'US-CA',
      status: 'expired',
      receivedAt: '2025-04-10T12:00:00Z',
      closedDays: 1,
    },
    9: { types: ['limit_sensitive'], jurisdiction: 'US-CA', status: 'in_progress', receivedAt: '2025-12-20T12:00:00Z' }, // due 2026-02-03
    10: {
      types: ['access'],
      jurisdiction: 'UK',
      status: 'completed',
      receivedAt: '2025-05-05T12:00:00Z',
      dueDays: 31,
      decidedDays: 60,
      channel: 'api',
    },
    11: {
      types: ['export'],
      jurisdiction: 'UK',
      status: 'completed',
      receivedAt: '2025-05-06T12:00:00Z',
      dueDays: 31,
      decidedDays: 2,
    },
    12: {
      types: ['access'],
      jurisdiction: 'US-CA',
      status: 'completed',
      receivedAt: '2024-12-15T12:00:00Z',
      decidedDays: 3,
    }, // before the period
    13: {
      types: ['access'],
      jurisdiction: 'UK',
      status: 'in_progress',
      receivedAt: '2025-11-01T12:00:00Z',
      dueDays: 30,
    }, // overdue on NOW
    14: { types: ['access'], jurisdiction: 'UK', status: 'unverified', receivedAt: '2026-01-09T12:00:00Z' }, // after the period
    15: {
      types: ['deletion'],
      jurisdiction: 'US-VA',
      status: 'denied',
      denialReason: 'other',
      receivedAt: '2025-06-02T12:00:00Z',
      decidedDays: 10,
    },
    16: {
      types: ['access', 'export'],
      jurisdiction: 'US-CA',
      status: 'completed',
      receivedAt: '2025-07-01T12:00:00Z',
      decidedDays: 45,
    },
  } as const;
  for (const [n, spec] of Object.entries(fixture)) {
    const row = await aRecordedRequest(spec as Parameters<typeof aRecordedRequest>[0]);
    numbers.set(Number(n), { number: row.number, receivedAt: row.receivedAt });
  }
  // 11 has been through retention: an anonymised row still counts.
  await db().privacyRequest.updateMany({
    where: { number: numbers.get(11)!.number },
    data: { email: '', name: null, emailHash: '', purgedAt: NOW },
  });
  // 15 was appealed (received 18 days after the denial) and the appeal rejected within its 60 days.
  const r15 = await db().privacyRequest.findFirstOrThrow({ where: { number: numbers.get(15)!.number } });
  await db().requestAppeal.create({
    data: {
      requestId: r15.id,
      status: 'rejected',
      receivedAt: new Date('2025-06-30T12:00:00Z'),
      dueAt: new Date('2025-08-29T12:00:00Z'),
      decidedAt: new Date('2025-07-10T12:00:00Z'),
    },
  });
});

const ZERO = {
  received: 0,
  compliedWhole: 0,
  compliedPart: 0,
  denied: 0,
  deniedCannotVerify: 0,
  deniedNotCovered: 0,
  deniedExempt: 0,
  deniedOther: 0,
  withdrawn: 0,
  expired: 0,
  open: 0,
  decided: 0,
  onTime: 0,
};
const NO_APPEALS = { received: 0, granted: 0, rejected: 0, pending: 0, onTime: 0 };

describe('the metrics page numbers', () => {
  it('counts 2025, all regimes, per type and in all', async () => {
    const m = await getRequestMetrics({ staff: reviewer, filter: { ...YEAR_2025, regime: null }, now: NOW });
    const byType = Object.fromEntries(m.rows.map((r) => [r.type, r]));

    // access: 1 2 5 8 10 13 16
    expect(byType.access).toMatchObject({
      ...ZERO,
      received: 7,
      compliedWhole: 3,
      compliedPart: 1,
      denied: 1,
      deniedExempt: 1,
      expired: 1,
      open: 1,
      decided: 5,
      onTime: 4,
      appeals: NO_APPEALS,
    });
    expect(byType.access.medianDays).toBeCloseTo(40, 6); // 10 20 40 45 60
    expect(byType.access.meanDays).toBeCloseTo(35, 6); // 175 / 5
    expect(byType.access.onTimeRate).toBeCloseTo(0.8, 6);
    // export: 11 16
    expect(byType.export).toMatchObject({ ...ZERO, received: 2, compliedWhole: 2, decided: 2, onTime: 2 });
    expect(byType.export.medianDays).toBeCloseTo(23.5, 6); // 2 45
    expect(byType.export.meanDays).toBeCloseTo(23.5, 6);
    // deletion: 3 4 5 15
    expect(byType.deletion).toMatchObject({
      ...ZERO,
      received: 4,
      denied: 4,
      deniedCannotVerify: 1,
      deniedNotCovered: 1,
      deniedExempt: 1,
      deniedOther: 1,
      decided: 4,
      onTime: 3,
    });
    expect(byType.deletion.appeals).toEqual({ received: 1, granted: 0, rejected: 1, pending: 0, onTime: 1 });
    expect(byType.deletion.medianDays).toBeCloseTo(35, 6); // 10 30 40 50
    expect(byType.deletion.meanDays).toBeCloseTo(32.5, 6); // 130 / 4
    // correction: 6 (manifestly unfounded counts as "other")
    expect(byType.correction).toMatchObject({
      ...ZERO,
      received: 1,
      denied: 1,
      deniedOther: 1,
      decided: 1,
      onTime: 1,
      medianDays: 5,
      meanDays: 5,
    });
    // opt-out of sale/sharing: 7
    expect(byType.opt_out_sale).toMatchObject({
      ...ZERO,
      received: 1,
      withdrawn: 1,
      medianDays: null,
      meanDays: null,
      onTimeRate: null,
    });
    // limit the use of sensitive personal information: 9
    expect(byType.limit_sensitive).toMatchObject({ ...ZERO, received: 1, open: 1, medianDays: null });

    // all: 1-11, 13, 15, 16 (14 requests; 12 and 14 fall outside 2025)
    expect(m.total).toMatchObject({
      ...ZERO,
      received: 14,
      compliedWhole: 4,
      compliedPart: 1,
      denied: 5,
      deniedCannotVerify: 1,
      deniedNotCovered: 1,
      deniedExempt: 1,
      deniedOther: 2,
      withdrawn: 1,
      expired: 1,
      open: 2,
      decided: 10,
      onTime: 8,
    });
    expect(m.total.appeals).toEqual({ received: 1, granted: 0, rejected: 1, pending: 0, onTime: 1 });
    expect(m.total.medianDays).toBeCloseTo(25, 6); // 2 5 10 10 20 | 30 40 45 50 60
    expect(m.total.meanDays).toBeCloseTo(27.2, 6); // 272 / 10
    expect(m.total.onTimeRate).toBeCloseTo(0.8, 6); // late: 4 (50 > 45), 10 (60 > 31)

    // Open now, by due window: 13 overdue, 9 due 2026-02-03 (24 days); 14 is unverified.
    expect(m.open.map((w) => [w.key, w.count])).toEqual([
      ['overdue', 1],
      ['due7', 0],
      ['due30', 1],
      ['later', 0],
    ]);

    expect(m.weekly).toEqual([
      { week: '2025-03-03', type: 'access', received: 2 }, // 1 2
      { week: '2025-03-10', type: 'deletion', received: 2 }, // 3 4
      { week: '2025-04-07', type: 'access', received: 2 }, // 5 8
      { week: '2025-04-07', type: 'correction', received: 1 }, // 6
      { week: '2025-04-07', type: 'deletion', received: 1 }, // 5
      { week: '2025-04-07', type: 'opt_out_sale', received: 1 }, // 7
      { week: '2025-05-05', type: 'access', received: 1 }, // 10
      { week: '2025-05-05', type: 'export', received: 1 }, // 11
      { week: '2025-06-02', type: 'deletion', received: 1 }, // 15
      { week: '2025-06-30', type: 'access', received: 1 }, // 16
      { week: '2025-06-30', type: 'export', received: 1 }, // 16
      { week: '2025-10-27', type: 'access', received: 1 }, // 13
      { week: '2025-12-15', type: 'limit_sensitive', received: 1 }, // 9
    ]);
    expect(m.distribution).toEqual([
      { label: '0–7 days', decided: 2 }, // 11 (2), 6 (5)
      { label: '8–15 days', decided: 2 }, // 1 (10), 15 (10)
      { label: '16–30 days', decided: 2 }, // 2 (20), 3 (30)
      { label: '31–45 days', decided: 2 }, // 5 (40), 16 (45)
      { label: '46–60 days', decided: 2 }, // 4 (50), 10 (60)
      { label: '61–90 days', decided: 0 },
      { label: 'over 90 days', decided: 0 },
    ]);
    expect(m.trend).toEqual([
      { month: '2025-03', decided: 4, onTime: 3, rate: 0.75 }, // 1 2 3 4 (4 late)
      { month: '2025-04', decided: 2, onTime: 2, rate: 1 }, // 5 6
      { month: '2025-05', decided: 2, onTime: 1, rate: 0.5 }, // 10 11 (10 late)
      { month: '2025-06', decided: 1, onTime: 1, rate: 1 }, // 15
      { month: '2025-07', decided: 1, onTime: 1, rate: 1 }, // 16 (decided on its due date)
    ]);
  });

  it('filters by regime: US-CA in 2025', async () => {
    const m = await getRequestMetrics({ staff: admin, filter: { ...YEAR_2025, regime: 'US-CA' }, now: NOW });
    // 1-9, 16
    expect(m.total).toMatchObject({
      ...ZERO,
      received: 10,
      compliedWhole: 2,
      compliedPart: 1,
      denied: 4,
      deniedCannotVerify: 1,
      deniedNotCovered: 1,
      deniedExempt: 1,
      deniedOther: 1,
      withdrawn: 1,
      expired: 1,
      open: 1,
      decided: 7,
      onTime: 6,
    });
    expect(m.total.medianDays).toBeCloseTo(30, 6); // 5 10 20 30 40 45 50
    expect(m.total.meanDays).toBeCloseTo(200 / 7, 6);
    expect(m.total.appeals).toEqual(NO_APPEALS);
    expect(m.open.map((w) => w.count)).toEqual([0, 0, 1, 0]); // 9
    expect(m.rows.find((r) => r.type === 'export')).toMatchObject({ received: 1, compliedWhole: 1 }); // 16
  });

  it('is for admins and reviewers only', async () => {
    await expect(getRequestMetrics({ staff: viewer, filter: { ...YEAR_2025, regime: null } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(getCcpaReport({ staff: viewer, year: 2025 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the CCPA §7102 report', () => {
  it('has the five categories with the exact counts, on the page and in the CSV', async () => {
    const report = await getCcpaReport({ staff: reviewer, year: 2025 });
    const rows = Object.fromEntries(report.rows.map((r) => [r.category, r]));
    expect(report.rows.map((r) => r.category)).toEqual(['know', 'delete', 'correct', 'opt_out', 'limit']);
    // know: 1 2 5 8 16 (16 is access + export: one request to know)
    expect(rows.know).toMatchObject({
      received: 5,
      compliedInWholeOrPart: 3,
      compliedInWhole: 2,
      compliedInPart: 1,
      denied: 1,
      deniedNotVerifiable: 0,
      deniedNotAConsumer: 0,
      deniedExempt: 1,
      deniedOther: 0,
    });
    expect(rows.know.medianDays).toBeCloseTo(30, 6); // 10 20 40 45
    expect(rows.know.meanDays).toBeCloseTo(28.75, 6);
    // delete: 3 4 5 (15 is Virginia, 12 is 2024)
    expect(rows.delete).toMatchObject({
      received: 3,
      compliedInWholeOrPart: 0,
      denied: 3,
      deniedNotVerifiable: 1,
      deniedNotAConsumer: 1,
      deniedExempt: 1,
      deniedOther: 0,
      medianDays: 40,
      meanDays: 40,
    });
    expect(rows.correct).toMatchObject({
      received: 1,
      compliedInWholeOrPart: 0,
      denied: 1,
      deniedOther: 1,
      medianDays: 5,
      meanDays: 5,
    }); // 6
    expect(rows.opt_out).toMatchObject({
      received: 1,
      compliedInWholeOrPart: 0,
      denied: 0,
      medianDays: null,
      meanDays: null,
    }); // 7
    expect(rows.limit).toMatchObject({
      received: 1,
      compliedInWholeOrPart: 0,
      denied: 0,
      medianDays: null,
      meanDays: null,
    }); // 9

    expect(ccpaReportCsv(report)).toBe(
      [
        'Category,Received,Complied with in whole or in part,Complied with in whole,Complied with in part,Denied,Denied: not verifiable,Denied: not made by a consumer,Denied: exempt information,Denied: other,Median days to substantive response,Mean days to substantive response',
        'Requests to know,5,3,2,1,1,0,0,1,0,30.0,28.8',
        'Requests to delete,3,0,0,0,3,1,1,1,0,40.0,40.0',
        'Requests to correct,1,0,0,0,1,0,0,0,1,5.0,5.0',
        'Requests to opt out of sale/sharing,1,0,0,0,0,0,0,0,0,,',
        'Requests to limit use of sensitive personal information,1,0,0,0,0,0,0,0,0,,',
        '',
      ].join('\r\n'),
    );
    const empty = await getCcpaReport({ staff: reviewer, year: 2023 });
    expect(empty.rows.every((r) => r.received === 0 && r.medianDays === null)).toBe(true);
  });
});

describe('the §7101 records export', () => {
  it('lists each request of the range with the §7101 fields and no personal data, and is audited', async () => {
    await expect(exportRecords({ staff: reviewer, ...YEAR_2025 }).next()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    let csv = '';
    for await (const chunk of exportRecords({
      staff: admin,
      from: new Date('2025-03-01T00:00:00Z'),
      to: new Date('2025-05-07T00:00:00Z'),
    }))
      csv += chunk;
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'reference,date_of_request,nature_of_request,manner_made,regime,date_of_response,nature_of_response,basis_of_denial,appeal,appeal_decided,personal_data_purged',
    );
    const ref = (n: number) => formatReference(numbers.get(n)!.number, numbers.get(n)!.receivedAt);
    expect(lines.slice(1)).toEqual([
      `${ref(1)},2025-03-03T12:00:00.000Z,access,web form,US-CA,2025-03-13T12:00:00.000Z,complied in whole,,,,no`,
      `${ref(2)},2025-03-04T12:00:00.000Z,access,web form,US-CA,2025-03-24T12:00:00.000Z,complied in part,exempt,,,no`,
      `${ref(3)},2025-03-10T12:00:00.000Z,deletion,web form,US-CA,2025-04-09T12:00:00.000Z,denied,cannot_verify,,,no`,
      `${ref(4)},2025-03-11T12:00:00.000Z,deletion,web form,US-CA,2025-04-30T12:00:00.000Z,denied,not_covered,,,no`,
      `${ref(5)},2025-04-07T12:00:00.000Z,access deletion,web form,US-CA,2025-05-17T12:00:00.000Z,denied,exempt,,,no`,
      `${ref(6)},2025-04-08T12:00:00.000Z,correction,web form,US-CA,2025-04-13T12:00:00.000Z,denied,manifestly_unfounded,,,no`,
      `${ref(7)},2025-04-09T12:00:00.000Z,opt_out_sale,web form,US-CA,2025-04-12T12:00:00.000Z,withdrawn by the requester,,,,no`,
      `${ref(8)},2025-04-10T12:00:00.000Z,access,web form,US-CA,2025-04-11T12:00:00.000Z,expired unverified,,,,no`,
      `${ref(10)},2025-05-05T12:00:00.000Z,access,API,UK,2025-07-04T12:00:00.000Z,complied in whole,,,,no`,
      `${ref(11)},2025-05-06T12:00:00.000Z,export,web form,UK,2025-05-08T12:00:00.000Z,complied in whole,,,,yes`,
    ]);
    expect(csv).not.toContain('@example.com');
    expect(await db().auditEvent.count({ where: { action: 'records.exported', actorId: admin.id } })).toBe(1);
  });
});
