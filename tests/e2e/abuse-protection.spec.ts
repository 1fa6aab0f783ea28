import { expect, test } from '@playwright/test';
import { sql } from './db';
import { uniqueEmail } from './support';

test('a bot that fills the honeypot sees the confirmation page, but nothing is stored or sent', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('honeypot');
  await page.goto('/');
  await expect(page.locator('input[name="website"]')).toBeHidden();
  await page.getByRole('textbox', { name: /^your email address/i }).fill(email);
  await page.getByLabel(/where you live/i).selectOption('UK');
  await page.getByRole('checkbox', { name: /access/i }).check();
  await page.getByRole('checkbox', { name: /confirm|accurate/i }).check();
  await page
    .locator('input[name="website"]')
    .evaluate((input: HTMLInputElement) => (input.value = 'https://spam.example'));
  await page.getByRole('button', { name: /send request/i }).click();
  await expect(page).toHaveURL(/\/submitted\/[0-9a-f-]{36}\?token=/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/check your email/i);
  expect(await sql('SELECT 1 FROM privacy_request WHERE email = $1', [email])).toHaveLength(0);
  const mailbox: { to: string }[] = await (await request.get('/api/dev/mailbox')).json();
  expect(mailbox.filter((m) => m.to === email)).toHaveLength(0);
});

test('the form carries a signed start time', async ({ page }) => {
  await page.goto('/');
  const stamp = await page.locator('input[name="formStartedAt"]').inputValue();
  expect(stamp).toMatch(/^\d{13}\.[A-Za-z0-9_-]{43}$/);
});

test('the JSON API answers 429 with Retry-After and a message past the cap of unconfirmed requests', async ({
  request,
}) => {
  const email = uniqueEmail('cap');
  const body = { email, types: ['access'], jurisdiction: 'UK', confirm: true };
  for (let i = 0; i < 3; i += 1) expect((await request.post('/api/v1/requests', { data: body })).status()).toBe(201);
  const refused = await request.post('/api/v1/requests', { data: body });
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
  expect((await refused.json()).error.message).toMatch(/waiting to be confirmed/i);
});
