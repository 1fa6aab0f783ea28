import { expect, test } from '@playwright/test';
import { DateTime } from 'luxon';
import { expectNoSeriousA11yViolations, linkIn, uniqueEmail, waitForEmail } from './support';

test('a requester files a request, confirms the email and sees the status page with the due date', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('journey');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('textbox', { name: /^your email address/i }).fill(email);
  await page.getByLabel(/full name/i).fill('Ada <b>Lovelace</b>');
  await page.getByLabel(/where you live/i).selectOption('UK');
  await page.getByRole('checkbox', { name: /access/i }).check();
  await page.getByRole('checkbox', { name: /deletion/i }).check();
  await page.getByRole('checkbox', { name: /confirm|accurate/i }).check();
  await page.getByRole('button', { name: /send|submit|make (the|my) request/i }).click();

  await expect(page).toHaveURL(/\/submitted\//);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/check your email/i);

  const verification = await waitForEmail(request, email, /confirm your privacy request/i);
  await page.goto(linkIn(verification, /\/verify\?token=/));
  await page.getByRole('button', { name: /confirm my request/i }).click();

  await expect(page).toHaveURL(/\/status\/[0-9a-f-]{36}\?token=/);
  await expect(page.getByText(/BR-\d{4}-\d{6}/).first()).toBeVisible();
  await expect(page.getByText(/we will answer by/i)).toBeVisible();
  await expect(page.getByText(/email address confirmed/i)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const receipt = await waitForEmail(request, email, /we have your privacy request/i);
  expect(receipt.text).toMatch(/We will answer by \d{1,2} \w+ \d{4}/);
  const dueInEmail = receipt.text.match(/We will answer by (\d{1,2} \w+ \d{4})/)![1];
  await expect(page.getByText(dueInEmail).first()).toBeVisible();
});

test('the form shows errors tied to their fields, and keeps what was typed', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('textbox', { name: /^your email address/i }).fill('not-an-email');
  await page.getByRole('checkbox', { name: /correction/i }).check();
  await page.getByRole('button', { name: /send|submit|make (the|my) request/i }).click();
  const email = page.getByRole('textbox', { name: /^your email address/i });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveValue('not-an-email');
  await expect(page.getByText(/valid email address/i).first()).toBeVisible();
  await expect(page.getByText(/what is wrong and what it should be/i).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('with JavaScript the browser checks the shared schema first: an invalid form sends nothing', async ({ page }) => {
  await page.goto('/');
  const posts: string[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST') posts.push(req.url());
  });
  await page.getByRole('textbox', { name: /^your email address/i }).fill('not-an-email');
  await page.getByRole('button', { name: /send|submit|make (the|my) request/i }).click();
  await expect(page.getByText(/valid email address/i).first()).toBeVisible();
  await expect(page.getByText(/choose at least one request type/i).first()).toBeVisible();
  expect(posts).toEqual([]);
});

test('the browser takes over the server’s page as it is: no hydration error, also on a page of errors', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    // (Chromium reports the 422 of the page itself as a failed resource: that is the server's answer, not a problem.)
    if (message.type() === 'error' && !/status of 422/.test(message.text())) problems.push(message.text());
  });
  await page.goto('/');
  await page.getByRole('textbox', { name: /^your email address/i }).fill('not-an-email');
  await page.getByLabel(/full name/i).fill('Ada <b>Lovelace</b> & "co"');
  // Posted as a browser without JavaScript would: the server answers with the form, its errors and the values.
  const answer = page.waitForResponse((res) => res.request().method() === 'POST');
  const answered = page.waitForEvent('load');
  await page.locator('form.request-form').evaluate((form: HTMLFormElement) => form.submit());
  expect((await answer).status()).toBe(422);
  await answered;
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.getByLabel(/full name/i)).toHaveValue('Ada <b>Lovelace</b> & "co"');

  // The page of errors is live: the next submit is checked in the browser and sends nothing.
  const posts: string[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST') posts.push(req.url());
  });
  await page.getByRole('checkbox', { name: /access/i }).check();
  await page.getByRole('button', { name: /send request/i }).click();
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.getByRole('alert')).not.toContainText(/choose at least one request type/i);
  await expect(page.getByRole('alert')).toContainText(/valid email address/i);
  expect(posts).toEqual([]);
  expect(problems).toEqual([]);
});

test('what the requester types before the script arrives stays in the form', async ({ page }) => {
  const email = uniqueEmail('early');
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/islands/request-form-*', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'commit' });
  // As a person sees it: once the stylesheet applies (browsers paint nothing before), the agent's
  // fields are hidden and "Your email address" names one field. The script is still held.
  await expect(page.locator('.agent-fields')).toHaveCSS('display', 'none');
  await page.getByRole('textbox', { name: /^your email address/i }).fill(email);
  await page.getByRole('checkbox', { name: /deletion/i }).check();
  release();
  // The script arrives and takes over the form (it marks its container once hydrated) ...
  await expect(page.locator('#request-form')).toHaveAttribute('data-ready', '');
  // ... so the first submit is checked in the browser ...
  await page.getByRole('button', { name: /send request/i }).click();
  await expect(page.getByText(/choose where you live/i).first()).toBeVisible();
  // ... and what was typed before is still there, and is what the browser checked.
  await expect(page.getByRole('textbox', { name: /^your email address/i })).toHaveValue(email);
  await expect(page.getByRole('checkbox', { name: /deletion/i })).toBeChecked();
  await expect(page.getByText(/choose at least one request type/i)).toHaveCount(0);
});

test('when the checks cannot load, the server checks instead and the requester still sees every error', async ({
  page,
}) => {
  await page.goto('/');
  // The schema is fetched on first focus; a connection that drops after the page loaded loses it.
  const lost: string[] = [];
  await page.route('**/islands/**', (route) => (lost.push(route.request().url()), route.abort()));
  await page.getByRole('textbox', { name: /^your email address/i }).fill('not-an-email');
  const answer = page.waitForResponse(
    (res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/',
  );
  const answered = page.waitForEvent('load');
  await page.getByRole('button', { name: /send|submit|make (the|my) request/i }).click();
  // The form went to the server, which refused it: the page that comes back has its errors (422).
  expect((await answer).status()).toBe(422);
  await answered;
  expect(lost.length, 'the schema was asked for and lost').toBeGreaterThan(0);
  const email = page.getByRole('textbox', { name: /^your email address/i });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveValue('not-an-email');
  await expect(page.getByText(/valid email address/i).first()).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the form still submits and the request is recorded', async ({ page, request }) => {
    const email = uniqueEmail('nojs');
    await page.goto('/');
    await page.getByRole('textbox', { name: /^your email address/i }).fill(email);
    await page.getByLabel(/where you live/i).selectOption('US-CA');
    await page.getByRole('checkbox', { name: /export/i }).check();
    await page.getByRole('checkbox', { name: /confirm|accurate/i }).check();
    await page.getByRole('button', { name: /send|submit|make (the|my) request/i }).click();
    await expect(page).toHaveURL(/\/submitted\//);
    await waitForEmail(request, email, /confirm your privacy request/i);
  });

  test('server-side errors show without JavaScript', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /send|submit|make (the|my) request/i }).click();
    await expect(page.getByText(/email is required/i).first()).toBeVisible();
  });
});

test('the dev mailbox lists and shows messages', async ({ page, request }) => {
  const email = uniqueEmail('mailbox');
  const res = await request.post('/api/v1/requests', {
    data: { email, types: ['access'], jurisdiction: 'EU', confirm: true },
  });
  expect(res.status()).toBe(201);
  const message = await waitForEmail(request, email, /confirm your privacy request/i);
  await page.goto(`/dev/mailbox?id=${message.id}`);
  await expect(page.getByText(email).first()).toBeVisible();
  await expect(page.locator('a[href*="/verify?token="]').first()).toBeVisible();
});

test('the state select lists each US state with a law, grouped, and works without JavaScript: Texas gets its clock', async ({
  browser,
  request,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const email = uniqueEmail('texas');
  await page.goto('/');
  const where = page.getByLabel(/where you live/i);
  // Grouped: the states sit in the "United States" group, with "another state" for the rest.
  const usGroup = where.locator('optgroup[label="United States"]');
  await expect(usGroup.locator('option')).toHaveCount(20);
  await expect(usGroup.locator('option', { hasText: 'United States — another state' })).toHaveCount(1);
  await expect(where.locator('optgroup[label="Canada"] option', { hasText: /^Canada — Quebec$/ })).toHaveCount(1);

  await page.getByRole('textbox', { name: /^your email address/i }).fill(email);
  await where.selectOption({ label: 'United States — Texas' });
  await page.getByRole('checkbox', { name: /access/i }).check();
  await page.getByRole('checkbox', { name: /confirm|accurate/i }).check();
  // Tex. Bus. & Com. Code §541.052(b): 45 days from receipt, the day counted in Central time.
  const expected = DateTime.now()
    .setZone('America/Chicago')
    .plus({ days: 45 })
    .setLocale('en-GB')
    .toFormat('d MMMM yyyy');
  await page.getByRole('button', { name: /send|submit|make (the|my) request/i }).click();
  await expect(page).toHaveURL(/\/submitted\//);

  const verification = await waitForEmail(request, email, /confirm your privacy request/i);
  await page.goto(linkIn(verification, /\/verify\?token=/));
  await page.getByRole('button', { name: /confirm my request/i }).click();
  await expect(page).toHaveURL(/\/status\/[0-9a-f-]{36}\?token=/);
  const receipt = await waitForEmail(request, email, /we have your privacy request/i);
  expect(receipt.text).toContain(`We will answer by ${expected}`);
  await context.close();
});
