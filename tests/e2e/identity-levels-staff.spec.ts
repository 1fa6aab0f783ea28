import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { createSession, createStaff, sql } from './db';
import { linkIn, uniqueEmail, waitForEmail } from './support';

// Issue #13 §1-§2 as staff see them in Chromium: the level in the queue, the rules with their
// sources beside the deadline, Start refused below the level, and the warning for an account email
// the requester named but has not proven.

const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 3107}`;

async function reviewerPage(browser: Browser) {
  const person = await createStaff('reviewer');
  const context = await browser.newContext();
  await context.addCookies([{ name: 'next-auth.session-token', value: await createSession(person.id), url: ORIGIN }]);
  return context.newPage();
}

/** A request filed through the API naming someone else's account email, confirmed from its own inbox. */
async function confirmedNamingAnother(browser: Browser, request: APIRequestContext, data: Record<string, unknown>) {
  const email = uniqueEmail('levels');
  const res = await request.post('/api/v1/requests', {
    data: { email, accountEmail: uniqueEmail('someone-else'), confirm: true, ...data },
  });
  expect(res.status()).toBe(201);
  const { id, reference } = (await res.json()) as { id: string; reference: string };
  const requester = await (await browser.newContext()).newPage();
  await requester.goto(linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/));
  await requester.getByRole('button', { name: /confirm my request/i }).click();
  await expect(requester).toHaveURL(/\/status\//);
  return { id, reference };
}

const statusOf = async (id: string) =>
  (await sql<{ status: string }>('SELECT status FROM privacy_request WHERE id = $1', [id]))[0].status;

test('below its level: the queue says more proof is needed, the rules and sources show, Start is refused', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { id, reference } = await confirmedNamingAnother(browser, request, {
    types: ['deletion'],
    jurisdiction: 'US-CA',
  });
  const staff = await reviewerPage(browser);

  await staff.goto(`/admin?q=${reference}`);
  const row = staff.getByRole('row').filter({ has: staff.getByRole('link', { name: reference }) });
  await expect(row).toContainText('Email address confirmed');
  await expect(row).toContainText('More proof needed');

  await staff.goto(`/admin/requests/${id}`);
  await expect(staff.getByTestId('verification-level')).toHaveText('Email address confirmed');
  const verification = staff.getByRole('region', { name: 'Verification' });
  await expect(verification).toContainText('Reasonable certainty (not reached: Start is refused)');
  await expect(verification.getByRole('heading', { name: 'Why this level' })).toBeVisible();
  await expect(verification).toContainText('Source: 11 CCR §7062(d), §7061(a) [S]');
  // The rules sit in the same column as the deadline and how it was computed.
  const main = staff.locator('.admin-detail__main');
  await expect(main.getByRole('heading', { name: 'Verification', exact: true })).toBeVisible();
  await expect(main.getByRole('heading', { name: 'Deadline', exact: true })).toBeVisible();
  await expect(staff.getByText('(not proven: never used to find, copy, change or erase data')).toBeVisible();

  const start = staff.locator('.admin-action').filter({ has: staff.getByRole('heading', { name: 'Start work' }) });
  await expect(start).toContainText('Identity not verified enough.');
  await expect(start).toContainText('Unproven account email.');
  await staff.getByRole('button', { name: 'Start work' }).click();
  await expect(
    staff.getByText(/needs "Reasonable certainty" before work starts; so far: "Email address confirmed"/).first(),
  ).toBeVisible();
  expect(await statusOf(id)).toBe('verified');
});

test('at its level with an unproven account email: Start warns, works, and says what it left out', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { id } = await confirmedNamingAnother(browser, request, { types: ['access'], jurisdiction: 'UK' });
  const staff = await reviewerPage(browser);

  await staff.goto(`/admin/requests/${id}`);
  await expect(staff.getByTestId('verification-level')).toHaveText('Email address confirmed');
  await expect(staff.getByText('Identity not verified enough.')).toHaveCount(0);
  await expect(staff.getByText('Unproven account email.')).toBeVisible();
  await staff.getByRole('button', { name: 'Start work' }).click();
  await expect(
    staff.getByText(
      'Work started. The account email the requester named is not proven: tasks look for data only under',
    ),
  ).toBeVisible();
  expect(await statusOf(id)).toBe('in_progress');
});
