import { expect, test } from '@playwright/test';
import { createStaff, sql } from './db';
import { linkIn, waitForEmail } from './support';

test('with JavaScript turned off, staff sign in: the form posts, the link arrives, following it signs in', async ({
  browser,
  request,
}) => {
  const reviewer = await createStaff('reviewer');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}${new URL(r.url()).search}`));

  await page.goto('/admin?due=overdue');
  await expect(page).toHaveURL(/\/admin\/sign-in\?callbackUrl=/);
  await page.getByLabel(/work email address/i).fill(reviewer.email);
  await page.getByRole('button', { name: /email me a sign-in link/i }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in\/check-email/);
  await expect(page.getByText(/a link is on its way/i).first()).toBeVisible();
  expect(requests).toContain('POST /api/auth/signin/email');

  const link = linkIn(await waitForEmail(request, reviewer.email, /sign in to the/i), /\/api\/auth\/callback\/email/);
  await page.goto(link);
  await expect(page).toHaveURL(/\/admin\?due=overdue$/);
  await expect(page.getByText(reviewer.email).first()).toBeVisible();

  // The address was typed and sent, but never travelled in an address.
  const address = new RegExp(`${reviewer.email.split('@')[0]}(@|%40)`, 'i');
  expect(requests.filter((r) => address.test(r))).toEqual([]);
  expect(link).not.toMatch(address);
});

test('the sign-in page carries the CSRF token next-auth wants, and a post without it stores no link', async ({
  browser,
}) => {
  const reviewer = await createStaff('reviewer');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/admin/sign-in');
  const token = await page.locator('input[name="csrfToken"]').inputValue();
  expect(token).toMatch(/^[0-9a-f]{64}$/);
  const post = (csrfToken: string) =>
    context.request.post('/api/auth/signin/email', {
      form: { csrfToken, email: reviewer.email, callbackUrl: '/admin' },
      maxRedirects: 0,
    });
  const tokens = () => sql('SELECT 1 FROM staff_login_token WHERE identifier = $1', [reviewer.email]);

  const forged = await post('f'.repeat(64));
  expect(forged.headers()['location']).toContain('csrf=true');
  expect(await tokens()).toEqual([]);
  const genuine = await post(token);
  expect(genuine.headers()['location']).toMatch(/\/verify-request\?|\/admin\/sign-in\/check-email/);
  expect((await tokens()).length).toBe(1);
});
