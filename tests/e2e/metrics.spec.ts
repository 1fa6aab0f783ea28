import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createSession, createStaff, sql } from './db';
import { expectNoSeriousA11yViolations } from './support';

const DAY = 86_400_000;

/** Decided requests written directly in 2019, a year no other test touches, in a regime of their own. */
async function aDecidedRequest(receivedAt: string, decidedDays: number, dueDays: number, types: string[]) {
  const id = randomUUID();
  const received = new Date(receivedAt);
  await sql(
    `INSERT INTO privacy_request (id, status, types, jurisdiction, channel, email_hash, email, submission_token_hash, received_at, due_at, verified_at, decided_at, closed_at, updated_at)
     VALUES ($1, 'completed', $2::"RequestType"[], 'US-CO', 'web', $3, $4, $5, $6, $7, $6, $8, $8, now())`,
    [
      id,
      types,
      id.replace(/-/g, ''),
      `${id}@example.com`,
      `e2e-metrics-${id}`,
      received,
      new Date(received.getTime() + dueDays * DAY),
      new Date(received.getTime() + decidedDays * DAY),
    ],
  );
}

test('the metrics charts are drawn by the chart library in the browser, one mark per number in their tables', async ({
  browser,
}) => {
  await aDecidedRequest('2019-03-04T12:00:00Z', 10, 45, ['access']);
  await aDecidedRequest('2019-03-05T12:00:00Z', 50, 45, ['deletion']);
  await aDecidedRequest('2019-03-12T12:00:00Z', 70, 45, ['access', 'export']);
  await aDecidedRequest('2019-05-06T12:00:00Z', 5, 45, ['access']);

  const reviewer = await createStaff('reviewer');
  const context = await browser.newContext();
  await context.addCookies([
    {
      name: 'next-auth.session-token',
      value: await createSession(reviewer.id),
      url: `http://127.0.0.1:${process.env.E2E_PORT ?? 3107}`,
    },
  ]);
  const page = await context.newPage();
  const url = '/admin/metrics?from=2019-01-01&to=2019-12-31&regime=US-CO';
  // Before any script runs, the server's HTML holds each chart's labelled figure at its fixed size
  // (no layout shift); Recharts draws the SVG in the browser.
  const html = await (await context.request.get(url)).text();
  expect(html.match(/class="recharts-wrapper" style="[^"]*width:560px;height:240px"/g)).toHaveLength(3);
  expect(html.match(/The table beside it has the same numbers\./g)).toHaveLength(3);
  await page.goto(url);

  const volume = page.locator('section[aria-labelledby="volume-title"]');
  const distribution = page.locator('section[aria-labelledby="distribution-title"]');
  const trend = page.locator('section[aria-labelledby="trend-title"]');
  for (const section of [volume, distribution, trend]) {
    await expect(section.locator('.recharts-surface')).toBeVisible();
    await expect(section.getByRole('img', { name: /The table beside it has the same numbers\./ })).toHaveCount(1);
  }

  // Volume: weeks of 2019-03-04 (access 1, deletion 1), 2019-03-11 (access 1, export 1), 2019-05-06 (access 1).
  await expect(volume.locator('#volume-table tbody tr')).toHaveCount(3);
  const nonZeroCells = await volume
    .locator('#volume-table tbody td')
    .evaluateAll((cells) => cells.filter((c) => c.textContent !== '0').length);
  expect(nonZeroCells).toBe(5);
  await expect(volume.locator('.recharts-bar-rectangle path')).toHaveCount(nonZeroCells);

  // Time to a response: one bar per bucket with decided requests (5, 10, 50, 70 days: four buckets).
  const buckets = await distribution.locator('#distribution-table tbody td').allTextContents();
  expect(buckets).toEqual(['1', '1', '0', '0', '1', '1', '0']);
  await expect(distribution.locator('.recharts-bar-rectangle path')).toHaveCount(
    buckets.filter((b) => b !== '0').length,
  );
  // The bars' heights follow the numbers: all non-empty buckets hold one request, so they are equally tall.
  const heights = await distribution
    .locator('.recharts-bar-rectangle path')
    .evaluateAll((paths) => paths.map((p) => Math.round(p.getBoundingClientRect().height)));
  expect(new Set(heights).size).toBe(1);

  // On-time trend: one point per month in the table (March: 1 of 3 on time, May: 1 of 1).
  await expect(trend.locator('#trend-table tbody tr')).toHaveCount(2);
  await expect(trend.locator('#trend-table tbody td')).toHaveText(['3', '1', '33.3%', '1', '1', '100.0%']);
  await expect(trend.locator('.recharts-line-dot')).toHaveCount(2);

  await expectNoSeriousA11yViolations(page);
});
