import { readFile } from 'node:fs/promises';
import { unzip } from '../support/unzip';
import { expect, test, type Browser, type Page } from '@playwright/test';
import pg from 'pg';
import { baseURL } from '../../playwright.config';
import { createSession, createStaff, E2E_DATABASE_URL } from './db';
import { expectNoSeriousA11yViolations, linkIn, waitForEmail } from './support';

/** The demo data set next to the e2e server's database (FULFILMENT_DEMO). */
const DEMO_URL = E2E_DATABASE_URL.replace(/\/portal$/, '/bitstride_demo');

async function demoRows(sql: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: DEMO_URL });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function signedInAdmin(browser: Browser): Promise<Page> {
  const admin = await createStaff('admin');
  const context = await browser.newContext();
  await context.addCookies([{ name: 'next-auth.session-token', value: await createSession(admin.id), url: baseURL }]);
  return context.newPage();
}

test('a deletion request: submission, verification, a connector task and a manual task, completion with a per-system summary', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const email = 'grace@demo.bitstride.xyz';
  expect((await demoRows('SELECT count(*)::int AS n FROM accounts WHERE email = $1', [email]))[0].n).toBe(1);

  // The requester files and verifies.
  const res = await request.post('/api/v1/requests', {
    data: { email, name: 'Grace Hopper', types: ['deletion'], jurisdiction: 'UK', confirm: true },
  });
  expect(res.status()).toBe(201);
  const { reference } = await res.json();
  const requester = await (await browser.newContext()).newPage();
  await requester.goto(linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/));
  await requester.getByRole('button', { name: /confirm my request/i }).click();
  await expect(requester).toHaveURL(/\/status\//);

  // Staff start work: one task per system.
  const staff = await signedInAdmin(browser);
  await staff.goto('/admin');
  await staff.getByLabel(/search/i).fill(reference);
  await staff
    .getByRole('button', { name: /apply|filter|search/i })
    .first()
    .click();
  await staff.getByRole('link', { name: reference }).click();
  await staff.getByRole('button', { name: 'Start work' }).click();
  await expect(staff.getByText('Work started.')).toBeVisible();

  // The demo connectors erase on their own (PostgreSQL and the webhook help desk).
  // Each runs as its own job, so the page is reloaded until both report done.
  const accountsTask = staff
    .getByRole('listitem')
    .filter({ has: staff.getByRole('heading', { name: 'Account database: Erase the data' }) });
  const supportTask = staff
    .getByRole('listitem')
    .filter({ has: staff.getByRole('heading', { name: 'Support desk: Erase the data' }) });
  await expect(async () => {
    await staff.reload();
    await expect(accountsTask.getByText('Done', { exact: true })).toBeVisible({ timeout: 1000 });
    await expect(supportTask.getByText('Done', { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(accountsTask.getByText(/api_keys: 2 rows, account: 1 row/)).toBeVisible();
  expect((await demoRows('SELECT count(*)::int AS n FROM accounts WHERE email = $1', [email]))[0].n).toBe(0);

  // A manual task: the checklist and the result.
  const billing = staff
    .getByRole('listitem')
    .filter({ has: staff.getByRole('heading', { name: 'Billing and payments: Erase the data' }) });
  for (const box of await billing.getByRole('checkbox').all()) await box.check();
  await billing.getByLabel('Result').fill('Billing contacts deleted. Invoices kept for 10 years (tax law).');
  await billing.getByRole('button', { name: 'Mark done' }).click();
  await expect(staff.getByText('Task marked done.')).toBeVisible();
  await expectNoSeriousA11yViolations(staff);

  // Completion is refused while tasks are open; an admin closes the rest with a reason.
  await staff.locator('summary', { hasText: /^Complete$/ }).click();
  await staff.locator('#complete-message').fill('We erased your data in every system that held it.');
  await staff.getByRole('button', { name: 'Complete and tell the requester' }).click();
  await expect(staff.getByText(/cannot be completed while tasks are open/)).toBeVisible();
  await staff.locator('summary', { hasText: 'Close every open task' }).click();
  await staff.locator('#close-all-reason').fill('These systems hold nothing for this person');
  await staff.getByRole('button', { name: 'Close open tasks' }).click();
  await expect(staff.getByText(/tasks? closed\./i)).toBeVisible();
  if (!(await staff.locator('#complete-message').isVisible()))
    await staff.locator('summary', { hasText: /^Complete$/ }).click();
  await staff.locator('#complete-message').fill('We erased your data in every system that held it.');
  await staff.getByRole('button', { name: 'Complete and tell the requester' }).click();
  await expect(staff.getByText(/request completed/i).first()).toBeVisible();

  // The requester's email says what was done where, and what was kept and why.
  const done = await waitForEmail(request, email, /we have completed your privacy request/i);
  const text = done.text.replace(/\s+/g, ' ');
  expect(text).toMatch(/Account database: erased on \d{1,2} [A-Z][a-z]+ \d{4}\. api_keys: 2 rows, account: 1 row/);
  expect(text).toMatch(/Support desk: erased on \d{1,2} [A-Z][a-z]+ \d{4}\. support_tickets: 1 row\b/);
  expect(text).toContain('Invoices kept for 10 years (tax law)');
  expect(text).not.toContain('These systems hold nothing');
});

test('an access request: the demo connectors collect, a person collects by hand with a file, completion offers a re-authenticated download', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const email = 'ada@demo.bitstride.xyz';
  const res = await request.post('/api/v1/requests', {
    data: { email, name: 'Ada Lovelace', types: ['access'], jurisdiction: 'EU', confirm: true },
  });
  expect(res.status()).toBe(201);
  const { reference } = await res.json();
  const requester = await (await browser.newContext()).newPage();
  await requester.goto(linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/));
  await requester.getByRole('button', { name: /confirm my request/i }).click();
  await expect(requester).toHaveURL(/\/status\//);
  const statusUrl = requester.url();

  const staff = await signedInAdmin(browser);
  await staff.goto('/admin');
  await staff.getByLabel(/search/i).fill(reference);
  await staff
    .getByRole('button', { name: /apply|filter|search/i })
    .first()
    .click();
  await staff.getByRole('link', { name: reference }).click();
  await staff.getByRole('button', { name: 'Start work' }).click();
  await expect(staff.getByText('Work started.')).toBeVisible();

  const task = (name: string) => staff.getByRole('listitem').filter({ has: staff.getByRole('heading', { name }) });
  await expect(async () => {
    await staff.reload();
    for (const name of [
      'Account database: Collect the data',
      'Usage metering: Collect the data',
      'Support desk: Collect the data',
    ]) {
      await expect(task(name).getByText('Done', { exact: true })).toBeVisible({ timeout: 1000 });
    }
  }).toPass({ timeout: 30_000 });
  await expect(
    task('Account database: Collect the data').getByText(/Collected account \(1 row\), api_keys \(2 rows\)/),
  ).toBeVisible();
  await expect(task('Usage metering: Collect the data').getByText(/usage_events \(12 rows\)/)).toBeVisible();
  await expect(task('Support desk: Collect the data').getByText(/tickets \(1 row\)/)).toBeVisible();

  // By hand: a file, the checklist, the result.
  const content = task('Customer content and artifacts: Collect the data');
  await content.getByLabel('Attach a file').setInputFiles({
    name: 'projects.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('project,created\nengine,2025-03-14\n'),
  });
  await content.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(staff.getByText('File attached.')).toBeVisible();
  await expect(content.getByText(/projects\.csv/)).toBeVisible();
  for (const box of await content.getByRole('checkbox').all()) await box.check();
  await content
    .getByLabel('Result')
    .fill('Exported the project list; no datasets or artifacts are stored for this account.');
  await content.getByRole('button', { name: 'Mark done' }).click();
  await expect(staff.getByText('Task marked done.')).toBeVisible();

  await staff.locator('summary', { hasText: 'Close every open task' }).click();
  await staff.locator('#close-all-reason').fill('These systems hold nothing for this person');
  await staff.getByRole('button', { name: 'Close open tasks' }).click();
  await expect(staff.getByText(/tasks? closed\./i)).toBeVisible();
  await staff.locator('summary', { hasText: /^Complete$/ }).click();
  await staff.locator('#complete-message').fill('Here is how to get the copy of your data.');
  await staff.getByRole('button', { name: 'Complete and tell the requester' }).click();
  await expect(staff.getByText(/request completed/i).first()).toBeVisible();
  await expect(staff.getByRole('heading', { name: 'Data package' })).toBeVisible();

  // The completion email does not carry the data: it sends the requester to re-confirm their email first.
  const done = await waitForEmail(request, email, /we have completed your privacy request/i);
  expect(done.text.replace(/\s+/g, ' ')).toContain(
    'choose "Email me a download link": we send a one-time link to this address',
  );
  await requester.goto(statusUrl);
  await expect(requester.getByRole('heading', { name: 'Your data' })).toBeVisible();

  // The e2e workspace requires a review before release (PACKAGE_REVIEW_REQUIRED): nothing to withhold here.
  await staff.getByRole('link', { name: 'Review the data sets and release the package' }).click();
  await staff.getByRole('button', { name: 'Release the package' }).click();
  await expect(staff.getByText(/package released/i)).toBeVisible();

  // The worker builds the package; then the requester re-confirms their email and downloads it once.
  await expect
    .poll(
      async () => {
        await requester.goto(statusUrl);
        return requester.getByRole('button', { name: 'Email me a download link' }).isVisible();
      },
      { timeout: 30_000, intervals: [500, 1000] },
    )
    .toBe(true);
  await requester.getByRole('button', { name: 'Email me a download link' }).click();
  await expect(requester.getByText(/emailed you a one-time download link/i)).toBeVisible();
  const linkMail = await waitForEmail(request, email, /download/i);
  await requester.goto(linkIn(linkMail, /\/download\//));
  const [download] = await Promise.all([
    requester.waitForEvent('download'),
    requester.getByRole('button', { name: /download my data/i }).click(),
  ]);
  const files = await unzip(await readFile((await download.path())!));
  const account = JSON.parse(files.get('accounts/account.json')!);
  expect(account).toEqual([expect.objectContaining({ email })]);
  expect(files.get('README.txt')).toMatch(/accounts\/account\.json and accounts\/account\.csv/);
  const info = files.get('supplementary-information.txt')!;
  expect(info).toContain('Legal basis:');
  expect(info).toContain('How long we keep it (retention):');
  expect(info).toMatch(/supervisory authority/);
  // A second use of the same link is refused with a way to ask again.
  await requester.goto(linkIn(linkMail, /\/download\//));
  await expect(requester.getByRole('heading', { name: /already used/i })).toBeVisible();
});
