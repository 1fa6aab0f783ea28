import { expect, test } from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { createSession, createStaff } from './db';
import { expectNoSeriousA11yViolations, uniqueEmail, waitForEmail } from './support';

test('with Global Privacy Control on, every page says the opt-out is honored, and the form records one staff can see', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ extraHTTPHeaders: { 'Sec-GPC': '1' } });
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });
  });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByText('Opt-Out Request Honored.', { exact: true })).toBeVisible();
  await expect(page.getByText('Global Privacy Control: signal detected, opt-out request honored.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const email = uniqueEmail('gpc');
  await page.getByRole('textbox', { name: /^your email address/i }).fill(email);
  await page.getByLabel(/where you live/i).selectOption('US-CA');
  await page.getByRole('checkbox', { name: /^access/i }).check();
  await page.getByRole('checkbox', { name: /confirm|accurate/i }).check();
  await page.getByRole('button', { name: /send|submit|make (the|my) request/i }).click();
  await expect(page).toHaveURL(/\/submitted\//);
  // The confirmation page (an App Router page) carries the notice too.
  await expect(page.getByText('Opt-Out Request Honored.', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // No extra step: the opt-out of sale/sharing is recorded and confirmed by email.
  const confirmation = await waitForEmail(request, email, /we are acting on your opt-out/i);
  const reference = confirmation.subject.match(/BR-\d{4}-\d{6}/)![0];

  const admin = await createStaff('admin');
  const staffContext = await browser.newContext();
  await staffContext.addCookies([
    { name: 'next-auth.session-token', value: await createSession(admin.id), url: baseURL },
  ]);
  const staff = await staffContext.newPage();
  await staff.goto('/admin');
  await staff.getByLabel(/search/i).fill(reference);
  await staff
    .getByRole('button', { name: /apply|filter|search/i })
    .first()
    .click();
  await staff.getByRole('link', { name: reference }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toContainText(reference);
  await expect(staff.getByText(/opt out of the sale or sharing/i).first()).toBeVisible();
  await expect(staff.getByText(/acted on at receipt/i).first()).toBeVisible();
  await context.close();
  await staffContext.close();
});

test('without Global Privacy Control, pages show no honored notice and say no signal was detected', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByText('Global Privacy Control: no signal detected from this browser.')).toBeVisible();
  await expect(page.getByText('Opt-Out Request Honored.', { exact: true })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test('/.well-known/gpc.json says the site honors the signal', async ({ request }) => {
  const res = await request.get('/.well-known/gpc.json');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^application\/json/);
  expect(await res.json()).toEqual({ gpc: true, lastUpdate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
});
