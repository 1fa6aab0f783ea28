/**
 * A California requester proves who they are on the status page with JavaScript off: answers to
 * questions about their account (matched on the server with the demo Account database), then the
 * declaration under penalty of perjury. Wrong answers say only that not enough matched.
 */
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { E2E_DATABASE_URL, sql } from './db';
import { expectNoSeriousA11yViolations, linkIn, uniqueEmail, waitForEmail } from './support';

const DEMO_URL = E2E_DATABASE_URL.replace(/\/portal$/, '/bitstride_demo');

/** An account of this test's own in the demo Account database. */
async function anAccount(email: string, organization: string, card: string) {
  const client = new pg.Client({ connectionString: DEMO_URL });
  await client.connect();
  try {
    await client.query(
      "INSERT INTO accounts (email, name, organization, card_last4, created_at) VALUES ($1, 'Ada Example', $2, $3, '2025-03-14T09:26:53Z')",
      [email, organization, card],
    );
    await client.query("INSERT INTO api_keys (account_email, key_prefix, label) VALUES ($1, 'bs_live_9e2d', 'prod')", [
      email,
    ]);
  } finally {
    await client.end();
  }
}

test('answers and the declaration, through the status page without JavaScript', async ({ browser, request }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail('questions');
  const organization = `Numbat Labs ${Date.now()}`;
  await anAccount(email, organization, '6021');
  const res = await request.post('/api/v1/requests', {
    data: { email, name: 'Ada Example', types: ['access'], jurisdiction: 'US-CA', confirm: true },
  });
  expect(res.status()).toBe(201);
  const { id } = await res.json();

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/));
  await page.getByRole('button', { name: /confirm my request/i }).click();
  await expect(page).toHaveURL(/\/status\//);
  await expect(page.getByRole('heading', { name: 'Prove who you are' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Questions about your account' })).toBeVisible();
  // axe runs as a script: it checks the same page (which has none of its own) in a context that allows one.
  const checker = await (await browser.newContext()).newPage();
  await checker.goto(page.url());
  await expectNoSeriousA11yViolations(checker);
  await checker.context().close();

  // Wrong answers: no level, no hint which one, nothing typed comes back.
  await page.getByLabel('The name of the organization on your account').fill('Bandicoot Partners');
  await page.getByLabel('The last four digits of the card on file').fill('1111');
  await page.getByRole('button', { name: 'Check my answers' }).click();
  await expect(page.getByText('Not enough of your answers matched our records')).toBeVisible();
  await expect(page.getByLabel('The name of the organization on your account')).toHaveValue('');
  expect(await page.content()).not.toContain('Bandicoot');
  expect(page.url()).not.toMatch(/Bandicoot|1111/);

  // Two right answers (in forms of the requester's own), then the declaration.
  await page.getByLabel('The month you created your account').fill('mar 2025');
  await page.getByLabel('The first 12 characters of one of your API keys').fill('BS-LIVE-9E2D');
  await page.getByRole('button', { name: 'Check my answers' }).click();
  await expect(page.getByText('enough of your answers match our records')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Questions about your account' })).toHaveCount(0);

  await page.getByLabel('Your full name').fill('ada example');
  await page.getByLabel(/I declare under penalty of perjury under the laws of the State of California/).check();
  await page.getByRole('button', { name: 'Sign the declaration' }).click();
  await expect(page.getByText('we have your signed declaration')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Prove who you are' })).toHaveCount(0);

  const [row] = await sql<{ verification_level: string }>(
    'SELECT verification_level::text FROM privacy_request WHERE id = $1',
    [id],
  );
  expect(row.verification_level).toBe('high');
  const checks = await sql<{ method: string; points: number | null }>(
    'SELECT method::text, points FROM verification_check WHERE request_id = $1 ORDER BY created_at',
    [id],
  );
  expect(checks).toEqual([
    { method: 'email_link', points: null },
    { method: 'data_points', points: 2 },
    { method: 'declaration', points: null },
  ]);
});
