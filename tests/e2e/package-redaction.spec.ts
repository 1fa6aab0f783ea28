/**
 * Redaction before release in Chromium: the demo connectors collect a person's data, an admin
 * completes the request, a reviewer previews a data set, withholds a column and a row, and releases
 * the package; the requester's page and package say how many items were withheld and why, and the
 * package lacks them. The staff forms post without JavaScript.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { addDemoPerson } from '../../lib/fulfilment/demo-data';
import { unzip } from '../support/unzip';
import { createSession, createStaff, E2E_DATABASE_URL } from './db';
import { expectNoSeriousA11yViolations, linkIn, uniqueEmail, waitForEmail } from './support';

const DEMO_URL = E2E_DATABASE_URL.replace(/\/portal$/, '/bitstride_demo');

async function signedIn(browser: Browser, role: 'admin' | 'reviewer', javaScriptEnabled = true) {
  const person = await createStaff(role);
  const session = await createSession(person.id);
  const open = async (javaScript: boolean): Promise<Page> => {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    await context.addCookies([{ name: 'next-auth.session-token', value: session, url: baseURL }]);
    return context.newPage();
  };
  return Object.assign(await open(javaScriptEnabled), { withScript: () => open(true) });
}

test('a reviewer withholds a column and a row before release; the requester is told how many, never what', async ({
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const email = uniqueEmail('redact');
  await addDemoPerson(DEMO_URL, { email, name: 'Grace Example' });
  const res = await request.post('/api/v1/requests', {
    data: { email, name: 'Grace Example', types: ['access'], jurisdiction: 'EU', confirm: true },
  });
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  const requester = await (await browser.newContext()).newPage();
  await requester.goto(linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/));
  await requester.getByRole('button', { name: /confirm my request/i }).click();
  await expect(requester).toHaveURL(/\/status\//);
  const statusUrl = requester.url();

  // An admin does the work: the connectors collect, the rest is closed, the request completed.
  const admin = await signedIn(browser, 'admin');
  await admin.goto(`/admin/requests/${id}`);
  await admin.getByRole('button', { name: 'Start work' }).click();
  await expect(admin.getByText('Work started.')).toBeVisible();
  const task = (name: string) => admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name }) });
  await expect(async () => {
    await admin.reload();
    await expect(task('Usage metering: Collect the data').getByText('Done', { exact: true })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });
  await admin.locator('summary', { hasText: 'Close every open task' }).click();
  await admin.locator('#close-all-reason').fill('These systems hold nothing for this person');
  await admin.getByRole('button', { name: 'Close open tasks' }).click();
  await expect(admin.getByText(/tasks? closed\./i)).toBeVisible();
  await admin.locator('summary', { hasText: /^Complete$/ }).click();
  await admin.locator('#complete-message').fill('Here is how to get the copy of your data.');
  await admin.getByRole('button', { name: 'Complete and tell the requester' }).click();
  await expect(admin.getByText(/request completed/i).first()).toBeVisible();
  await expect(admin.getByText('Waiting for a reviewer to release it (redaction before release).')).toBeVisible();

  // A reviewer, without JavaScript: preview, withhold a column and a row, release.
  const reviewer = await signedIn(browser, 'reviewer', false);
  await reviewer.goto(`/admin/requests/${id}/datasets`);
  await reviewer.getByRole('link', { name: 'usage_events from Usage metering' }).click();
  await expect(reviewer.getByRole('heading', { name: /usage_events from Usage metering: page 1 of 1/ })).toBeVisible();
  await expect(reviewer.getByTestId('preview-row-1')).toContainText('/v1/jobs');
  await reviewer.getByLabel('Column').selectOption('endpoint');
  await reviewer.locator('#field-reason').selectOption('third_party');
  await reviewer.getByRole('button', { name: 'Withhold the column' }).click();
  await expect(reviewer.getByText('Redaction saved: the package will withhold it.')).toBeVisible();
  await reviewer.getByLabel('Row number, or a text the rows contain').fill('1');
  await reviewer.locator('#row-reason').selectOption('third_party');
  await reviewer.getByRole('button', { name: 'Withhold the rows' }).click();
  await expect(reviewer.getByTestId('preview-row-1')).toContainText('(withheld)');
  await expect(reviewer.getByTestId('preview-row-2')).toContainText('[withheld]');
  await expect(reviewer.getByTestId('preview-row-2')).not.toContainText('/v1/');
  // axe needs script: the same page in a browser that runs it.
  const checked = await reviewer.withScript();
  await checked.goto(reviewer.url());
  await expectNoSeriousA11yViolations(checked);
  await reviewer.getByRole('button', { name: 'Release the package' }).click();
  await expect(reviewer.getByText(/package released/i)).toBeVisible();

  // The requester: told how many items were withheld and why, then the package lacks them.
  await expect
    .poll(
      async () => {
        await requester.goto(statusUrl);
        return requester.getByRole('button', { name: 'Email me a download link' }).isVisible();
      },
      { timeout: 30_000, intervals: [500, 1000] },
    )
    .toBe(true);
  await expect(requester.getByTestId('package-withheld')).toHaveText(
    "12 items were withheld to protect other people's data (GDPR Art. 15(4)).",
  );
  await expectNoSeriousA11yViolations(requester);
  await requester.getByRole('button', { name: 'Email me a download link' }).click();
  const linkMail = await waitForEmail(request, email, /download/i);
  await requester.goto(linkIn(linkMail, /\/download\//));
  await expect(requester.getByTestId('package-withheld')).toHaveText(
    "12 items were withheld to protect other people's data (GDPR Art. 15(4)).",
  );
  await expectNoSeriousA11yViolations(requester);
  const [download] = await Promise.all([
    requester.waitForEvent('download'),
    requester.getByRole('button', { name: /download my data/i }).click(),
  ]);
  const files = await unzip(await readFile((await download.path())!));
  const usage = JSON.parse(files.get('usage/usage_events.json')!) as Record<string, unknown>[];
  expect(usage).toHaveLength(11);
  expect(usage.every((row) => row.endpoint === '[withheld]')).toBe(true);
  expect(files.get('usage/usage_events.csv')!).not.toContain('/v1/');
  expect(files.get('README.txt')).toContain(
    "usage/usage_events: 12 items were withheld to protect other people's data (GDPR Art. 15(4)).",
  );
});
