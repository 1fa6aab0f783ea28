import { expect, test, type Browser } from '@playwright/test';
import { createSession, createStaff } from './db';
import { expectNoSeriousA11yViolations, linkIn, uniqueEmail, waitForEmail } from './support';

/** A browser signed in as a new admin (sessions are made directly: sign-in has its own test). */
async function signedInAdmin(browser: Browser) {
  const admin = await createStaff('admin');
  const context = await browser.newContext();
  await context.addCookies([
    {
      name: 'next-auth.session-token',
      value: await createSession(admin.id),
      url: `http://127.0.0.1:${process.env.E2E_PORT ?? 3107}`,
    },
  ]);
  return context.newPage();
}

test('a UK requester complains from the status page without script; staff answer it from the complaints list (DPA 2018 s.164A)', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('complaint');
  const res = await request.post('/api/v1/requests', {
    data: { email, name: 'Ada Complainant', types: ['access'], jurisdiction: 'UK', confirm: true },
  });
  expect(res.status()).toBe(201);
  const { reference } = await res.json();
  // The status page and its forms work with no script at all.
  const requester = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await requester.goto(linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/));
  await requester.getByRole('button', { name: /confirm my request/i }).click();
  await expect(requester).toHaveURL(/\/status\//);
  const statusUrl = requester.url();

  await expect(requester.getByRole('heading', { name: 'Make a complaint' })).toBeVisible();
  await expect(requester.getByText(/Information Commissioner/).first()).toBeVisible();
  await requester.getByRole('button', { name: 'Send my complaint' }).click();
  await expect(requester.getByText(/tell us what your complaint is about/i).first()).toBeVisible();
  await requester.getByLabel('What is your complaint about?').fill('You sent me marketing after I unsubscribed.');
  await requester.getByRole('button', { name: 'Send my complaint' }).click();
  await expect(requester.getByText(/we have your complaint and have emailed you an acknowledgement/i)).toBeVisible();
  await expect(requester.getByRole('heading', { name: 'Your complaints' })).toBeVisible();
  await expect(requester.getByText(/we will tell you the outcome by \d{1,2} \w+ \d{4}/i).first()).toBeVisible();
  const ack = await waitForEmail(request, email, /we received your complaint/i);
  expect(ack.text).toContain(reference);
  expect(ack.text).toMatch(/tell you the outcome by \d{1,2} \w+ \d{4}/);

  // Staff see it with its due date and answer it.
  const staff = await signedInAdmin(browser);
  await staff.goto('/admin/complaints');
  const item = staff.getByRole('listitem').filter({ has: staff.getByRole('link', { name: reference }) });
  await expect(item.getByText('You sent me marketing after I unsubscribed.')).toBeVisible();
  await expect(item.getByText(/answer by/i)).toBeVisible();
  await expectNoSeriousA11yViolations(staff);
  await item.getByLabel('Outcome sent to the complainant').fill('We found the list was not updated; it is now.');
  await item.getByRole('button', { name: 'Send the outcome' }).click();
  await expect(staff.getByText(/complaint answered/i).first()).toBeVisible();
  const outcome = await waitForEmail(request, email, /the outcome of your complaint/i);
  expect(outcome.text).toContain('We found the list was not updated; it is now.');

  await requester.goto(statusUrl);
  await expect(requester.getByText(/answered on \d{1,2} \w+ \d{4}/i)).toBeVisible();
});
