/**
 * The §7102(a)(1) categories count only the right itself (lib/metrics/ccpa-report.ts CCPA_CATEGORIES,
 * docs/rights-law.md §3): "opt-out" only from opt_out_sale, "limit" only from limit_sensitive. An
 * unsubscribe, an objection and a restriction from California are in no category.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CCPA_CATEGORIES, getCcpaReport } from '../../lib/metrics/ccpa-report';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { REQUEST_TYPES } from '../../lib/universal/codes';
import { aRecordedRequest } from '../support/records';
import { resetDatabase } from '../support/reset-database';
import { aStaffIdentity } from '../support/staff';

let reviewer: StaffIdentity;

beforeAll(async () => {
  await resetDatabase();
  reviewer = await aStaffIdentity('reviewer');
  const completed = (types: Parameters<typeof aRecordedRequest>[0]['types'], day: number) =>
    aRecordedRequest({
      types,
      jurisdiction: 'US-CA',
      status: 'completed',
      receivedAt: `2025-05-${String(day).padStart(2, '0')}T12:00:00Z`,
      decidedDays: day,
    });
  await completed(['unsubscribe'], 1);
  await completed(['objection'], 2);
  await completed(['restriction'], 3);
  await completed(['opt_out_sale'], 4);
  await completed(['unsubscribe', 'opt_out_sale'], 6); // one request to opt out, whatever else it asks
  await completed(['limit_sensitive'], 8);
  // Not California: in no §7102 row.
  await aRecordedRequest({
    types: ['opt_out_sale'],
    jurisdiction: 'US-VA',
    status: 'completed',
    receivedAt: '2025-05-10T12:00:00Z',
    decidedDays: 1,
  });
});

describe('the §7102 categories', () => {
  it('§7102(a)(1): counts opt-outs of sale/sharing and requests to limit from those types only', async () => {
    const report = await getCcpaReport({ staff: reviewer, year: 2025 });
    const rows = Object.fromEntries(report.rows.map((r) => [r.category, r]));
    expect(rows.opt_out).toMatchObject({ received: 2, compliedInWhole: 2, medianDays: 5, meanDays: 5 }); // 4, 6
    expect(rows.limit).toMatchObject({ received: 1, compliedInWhole: 1, medianDays: 8 });
    for (const key of ['know', 'delete', 'correct'] as const) expect(rows[key].received, key).toBe(0);
  });

  it('maps each type to at most one category, and unsubscribe, objection and restriction to none', () => {
    const mapped = CCPA_CATEGORIES.flatMap((c) => c.types as readonly string[]);
    expect(new Set(mapped).size).toBe(mapped.length);
    expect(REQUEST_TYPES.filter((t) => !mapped.includes(t))).toEqual(['restriction', 'objection', 'unsubscribe']);
    expect(CCPA_CATEGORIES.map((c) => [c.key, c.types])).toEqual([
      ['know', ['access', 'export']],
      ['delete', ['deletion']],
      ['correct', ['correction']],
      ['opt_out', ['opt_out_sale']],
      ['limit', ['limit_sensitive']],
    ]);
  });
});
