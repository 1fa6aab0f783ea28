import { expect, test } from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { createSession, createStaff } from './db';
import { expectNoSeriousA11yViolations, linkIn, uniqueEmail, waitForEmail } from './support';

test('an unsubscribe filed on the form needs no confirmation, and its status page says it is honored once done', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('optout');
  await page.goto('/');
  await page.getByRole('textbox', { name: /^your email address/i }).fill(email);
  await page.getByLabel(/where you live/i).selectOption('US-CA');
  await page.getByRole('checkbox', { name: /^unsubscribe/i }).check();
  await page.getByRole('checkbox', { name: /confirm|accurate/i }).check();
  await page.getByRole('button', { name: /send|submit|make (the|my) request/i }).click();

  await expect(page).toHaveURL(/\/submitted\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We are acting on your unsubscribe request');
  await expect(page.getByText(/needs no confirmation/i)).toBeVisible();
  await expect(page.getByRole('button', { name: /send the email again/i })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // No verification link: the confirmation carries the status link.
  const confirmation = await waitForEmail(request, email, /we are acting on your unsubscribe request/i);
  expect(confirmation.text).not.toMatch(/\/verify\?token=/);
  const statusUrl = linkIn(confirmation, /\/status\/[0-9a-f-]{36}\?token=/);
  await page.goto(statusUrl);
  await expect(page.getByText('Unsubscribe request received — being applied')).toBeVisible();
  const reference = (await page.getByRole('heading', { level: 1 }).textContent())!.match(/BR-\d{4}-\d{6}/)![0];

  // The Account database's connector acts alone; a person does the two manual systems.
  const admin = await createStaff('admin');
  const context = await browser.newContext();
  await context.addCookies([{ name: 'next-auth.session-token', value: await createSession(admin.id), url: baseURL }]);
  const staff = await context.newPage();
  await staff.goto('/admin');
  await staff.getByLabel(/search/i).fill(reference);
  await staff
    .getByRole('button', { name: /apply|filter|search/i })
    .first()
    .click();
  await staff.getByRole('link', { name: reference }).click();
  await expect(staff.getByText(/Not needed: an opt-out is acted on at receipt/)).toBeVisible();
  for (const system of ['Website analytics', 'Product and marketing email']) {
    const task = staff
      .getByRole('listitem')
      .filter({ has: staff.getByRole('heading', { name: `${system}: Stop marketing communications` }) });
    // The workspace's buttons work once the page is hydrated: tick the steps after that.
    await expect(task.getByRole('button', { name: 'Mark done' })).toBeEnabled();
    for (const box of await task.getByRole('checkbox').all()) await box.check();
    await task.getByLabel('Result').fill('Address suppressed.');
    await task.getByRole('button', { name: 'Mark done' }).click();
    await expect(staff.getByText('Task marked done.')).toBeVisible();
  }

  await expect(async () => {
    await page.reload();
    await expect(page.getByText('Unsubscribed', { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expectNoSeriousA11yViolations(page);
  const done = await waitForEmail(request, email, /we have completed your privacy request/i);
  expect(done.text).toMatch(/We have honored your unsubscribe request/);
});
