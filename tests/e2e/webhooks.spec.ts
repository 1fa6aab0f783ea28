import { randomBytes } from 'node:crypto';
import { expect, test, type Browser } from '@playwright/test';
import { createSession, createStaff, sql } from './db';
import { expectNoSeriousA11yViolations } from './support';

async function signedIn(browser: Browser, userId: string) {
  const context = await browser.newContext();
  await context.addCookies([
    {
      name: 'next-auth.session-token',
      value: await createSession(userId),
      url: `http://127.0.0.1:${process.env.E2E_PORT ?? 3107}`,
    },
  ]);
  return context.newPage();
}

test('an admin adds a webhook endpoint, copies its secret once, sends a test event and reads the delivery log', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const admin = await createStaff('admin');
  const name = `Ticketing ${randomBytes(3).toString('hex')}`;
  const page = await signedIn(browser, admin.id);
  await page.goto('/admin/webhooks');
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const form = page.getByRole('region', { name: 'Add an endpoint' });
  await form.getByLabel('Name (which system receives it)').fill(name);
  // A private address is refused (the e2e server leaves WEBHOOK_PRIVATE_NETWORKS off).
  await form.getByLabel('URL').fill('http://127.0.0.1:9/hooks');
  await form.getByRole('group', { name: 'Events' }).getByLabel('request.verified', { exact: false }).check();
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(form.getByText('Use a public address')).toBeVisible();
  await expect(form.getByLabel('URL')).toHaveAttribute('aria-invalid', 'true');

  // `.invalid` never resolves (RFC 6761): the endpoint saves, and each delivery attempt fails visibly.
  await form.getByLabel('URL').fill('https://hooks.invalid/privacy');
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(form.getByRole('status')).toContainText(`Endpoint “${name}” added.`);
  await expect(form.getByLabel('Signing secret')).toHaveValue(/^whsec_[A-Za-z0-9+/]{43}=$/);
  const secret = await form.getByLabel('Signing secret').inputValue();

  const endpoint = page.getByRole('region', { name });
  await expect(endpoint.getByText('https://hooks.invalid/privacy')).toBeVisible();
  await expect(endpoint.getByText('Nothing sent yet')).toBeVisible();
  await endpoint.getByRole('button', { name: `Send a test event to ${name}` }).click();
  await expect(endpoint.getByRole('status')).toContainText('Test event queued');

  // The worker tries it; the log shows the event, its attempt and why it failed.
  await expect(async () => {
    await page.reload();
    const row = page.getByRole('region', { name }).getByRole('row').filter({ hasText: 'webhook.test' });
    await expect(row).toContainText('could not be resolved', { timeout: 1000 });
    await expect(row).toContainText('pending');
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole('region', { name }).getByText(/1 failed attempts in a row/)).toBeVisible();
  // The secret is shown once: never in the page again, nor stored in plain text.
  expect(await page.content()).not.toContain(secret);
  const [stored] = await sql<{ secret_sealed: string }>('SELECT secret_sealed FROM webhook_endpoint WHERE name = $1', [
    name,
  ]);
  expect(stored.secret_sealed).not.toContain(secret.slice(6));

  await page.getByRole('button', { name: `Disable ${name}` }).click();
  await expect(page.getByRole('region', { name }).getByText(/Disabled .* by an admin/)).toBeVisible();
  const audit = await sql<{ action: string }>(
    `SELECT action FROM audit_event WHERE actor_id = $1 AND action LIKE 'webhook.%' ORDER BY id`,
    [admin.id],
  );
  expect(audit.map((a) => a.action)).toEqual([
    'webhook.endpoint_created',
    'webhook.test_sent',
    'webhook.endpoint_disabled',
  ]);
});
