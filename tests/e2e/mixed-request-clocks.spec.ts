import { expect, test, type Browser } from '@playwright/test';
import { createSession, createStaff, sql } from './db';
import { expectNoSeriousA11yViolations, linkIn, uniqueEmail, waitForEmail } from './support';

/** A browser signed in as a new reviewer (sessions are made directly: sign-in has its own test). */
async function signedInReviewer(browser: Browser) {
  const reviewer = await createStaff('reviewer');
  const context = await browser.newContext();
  await context.addCookies([
    {
      name: 'next-auth.session-token',
      value: await createSession(reviewer.id),
      url: `http://127.0.0.1:${process.env.E2E_PORT ?? 3107}`,
    },
  ]);
  return context.newPage();
}

/** The tasks of one kind of work, finished as their systems' owners would (they have their own tests). */
const finishTasks = (requestId: string, type: string) =>
  sql(
    `UPDATE fulfilment_task SET status = 'done', completed_at = now() WHERE request_id = $1 AND type = $2::"TaskType"`,
    [requestId, type],
  );

test('staff complete the opt-out of a California request at once and its access part later', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('mixed');
  const res = await request.post('/api/v1/requests', {
    data: { email, name: 'Ada Mixed', types: ['access', 'opt_out_sale'], jurisdiction: 'US-CA', confirm: true },
  });
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  const requester = await (await browser.newContext()).newPage();
  await requester.goto(linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/));
  await requester.getByRole('button', { name: /confirm my request/i }).click();
  await expect(requester).toHaveURL(/\/status\//);

  const page = await signedInReviewer(browser);
  await page.goto(`/admin/requests/${id}`);
  // Each part keeps its own clock: access has an acknowledgement and an extension, the opt-out neither.
  const clocks = page.getByTestId('type-clocks');
  await expect(clocks.getByRole('row', { name: /^Access/ })).not.toContainText('No extension');
  await expect(clocks.getByRole('row', { name: /^Opt-out of sale/ })).toContainText('No extension');
  await expect(clocks.getByRole('row', { name: /^Opt-out of sale/ })).toContainText('None required');
  await page.getByRole('button', { name: 'Start work' }).click();
  await expect(page.getByText(/work started/i).first()).toBeVisible();
  // California stops the clock for no reason: the ask form says so before anything is sent.
  await page.locator('summary', { hasText: 'Ask the requester' }).click();
  await expect(page.getByTestId('pause-rules')).toContainText('the clock keeps running');
  await expect(page.getByTestId('pause-rules')).toContainText('§7021(b)');

  await finishTasks(id, 'stop_sale');
  await page.locator('summary', { hasText: 'Complete' }).click();
  await page.getByLabel('Access', { exact: true }).uncheck();
  await page.locator('#complete-message').fill('We no longer sell or share your personal information.');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Complete and tell the requester' }).click();
  await expect(page.getByText(/the rest of the request stays open/i).first()).toBeVisible();
  const part = await waitForEmail(request, email, /completed part of your privacy request/i);
  expect(part.text).toContain('Still in progress: access.');

  await page.reload();
  await expect(clocks.getByRole('row', { name: /^Opt-out of sale/ })).toContainText('Completed');
  await expect(clocks.getByRole('row', { name: /^Access/ })).toContainText('Open');
  await finishTasks(id, 'collect');
  await page.locator('summary', { hasText: 'Complete' }).click();
  await page.locator('#complete-message').fill('Here is a summary of the data we hold about you.');
  await page.getByRole('button', { name: 'Complete and tell the requester' }).click();
  await expect(page.getByText(/request completed; the requester has been told/i).first()).toBeVisible();
  await waitForEmail(request, email, /we have completed your privacy request/i);
  const [row] = await sql<{ status: string; completed_types: string[] }>(
    'SELECT status, completed_types::text[] AS completed_types FROM privacy_request WHERE id = $1',
    [id],
  );
  expect(row).toEqual({ status: 'completed', completed_types: ['opt_out_sale', 'access'] });
});
