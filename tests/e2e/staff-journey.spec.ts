import { expect, test, type Page } from '@playwright/test';
import { createStaff } from './db';
import { expectNoSeriousA11yViolations, linkIn, uniqueEmail, waitForEmail } from './support';

async function fileAndVerify(page: Page, request: Parameters<typeof waitForEmail>[0], email: string) {
  const res = await request.post('/api/v1/requests', {
    data: { email, name: 'Grace Hopper', types: ['access', 'deletion'], jurisdiction: 'UK', confirm: true },
  });
  expect(res.status()).toBe(201);
  const { reference } = await res.json();
  await page.goto(linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/));
  await page.getByRole('button', { name: /confirm my request/i }).click();
  await expect(page).toHaveURL(/\/status\//);
  return { reference: reference as string, statusUrl: page.url() };
}

async function openAction(page: Page, title: string) {
  await page.locator('summary', { hasText: title }).click();
}

test('staff sign in by email link and take a request from queue to completion while the requester follows it', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const requesterEmail = uniqueEmail('staffjourney');
  const requester = await (await browser.newContext()).newPage();
  const { reference, statusUrl } = await fileAndVerify(requester, request, requesterEmail);

  // Sign in through the dev mailbox.
  const admin = await createStaff('admin');
  const staff = await (await browser.newContext()).newPage();
  await staff.goto('/admin');
  await expect(staff).toHaveURL(/\/admin\/sign-in/);
  await staff.getByLabel(/work email address/i).fill(admin.email);
  await staff.getByRole('button', { name: /email me a sign-in link/i }).click();
  await expect(staff.getByText(/a link is on its way/i).first()).toBeVisible();
  await staff.goto(linkIn(await waitForEmail(request, admin.email, /sign in to the/i), /\/api\/auth\/callback\/email/));
  await expect(staff).toHaveURL(/\/admin/);
  await expectNoSeriousA11yViolations(staff);

  // Find the request by its reference and open it.
  await staff.getByLabel(/search/i).fill(reference);
  await staff
    .getByRole('button', { name: /apply|filter|search/i })
    .first()
    .click();
  await staff.getByRole('link', { name: reference }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toContainText(reference);
  await expectNoSeriousA11yViolations(staff);

  // Assign, start, ask.
  await staff
    .getByLabel('Assigned to')
    .selectOption({ label: `Test admin (${admin.email})` })
    .catch(async () => {
      await staff.getByLabel('Assigned to').selectOption({ index: 1 });
    });
  await staff.getByRole('button', { name: 'Save assignment' }).click();
  await expect(staff.getByText('Assignment saved.')).toBeVisible();
  await staff.getByRole('button', { name: 'Start work' }).click();
  await expect(staff.getByText('Work started.')).toBeVisible();
  await openAction(staff, 'Ask the requester');
  await staff.locator('#ask-message').fill('Which organization is your Bitstride account in?');
  await staff.getByRole('button', { name: 'Send to the requester' }).click();
  // A UK request for access and deletion: a question about scope stops the clock only for an access
  // request alone (UK GDPR Art. 12A), so the clock keeps running, and staff are told why.
  await expect(staff.getByText(/message sent; the clock keeps running/i)).toBeVisible();

  // The requester gets the question by email and answers on the status page.
  const question = await waitForEmail(request, requesterEmail, /we need something from you/i);
  expect(question.text).toContain('Which organization is your Bitstride account in?');
  await requester.goto(statusUrl);
  await expect(requester.getByText('Which organization is your Bitstride account in?')).toBeVisible();
  await requester.getByLabel(/your answer/i).fill('Acme Research Ltd');
  await requester.getByRole('button', { name: /send (my )?answer/i }).click();
  await expect(requester.getByText(/you sent us the information we asked for/i).first()).toBeVisible();

  // Staff see the answer, extend, complete.
  await staff.reload();
  await expect(staff.getByText('Acme Research Ltd')).toBeVisible();
  await openAction(staff, 'Extend the deadline');
  await staff
    .getByLabel('Why more time is needed')
    .fill('Your data is spread over several systems that we must search one by one.');
  await staff.getByRole('button', { name: 'Extend the deadline' }).click();
  await expect(staff.getByText(/deadline extended/i).first()).toBeVisible();
  // Work started with one task per system; an admin closes those this journey does not cover, with a reason.
  await expect(staff.getByRole('heading', { name: 'Tasks' })).toBeVisible();
  await openAction(staff, 'Close every open task');
  await staff.locator('#close-all-reason').fill('Covered by the fulfilment journey test');
  await staff.getByRole('button', { name: 'Close open tasks' }).click();
  await expect(staff.getByText(/tasks? closed\./i)).toBeVisible();
  await openAction(staff, 'Complete');
  await staff
    .locator('#complete-message')
    .fill('We have sent you a copy of your data and deleted your account records.');
  await staff.getByRole('button', { name: 'Complete and tell the requester' }).click();
  await expect(staff.getByText(/request completed/i).first()).toBeVisible();

  // The requester saw every public step and got every email.
  await requester.goto(statusUrl);
  for (const step of [
    /email address confirmed/i,
    /working on your request/i,
    /asked you for more information/i,
    /you sent us the information/i,
    /we need more time/i,
    /we completed your request/i,
  ]) {
    await expect(requester.getByText(step).first()).toBeVisible();
  }
  await waitForEmail(request, requesterEmail, /we need more time/i);
  const done = await waitForEmail(request, requesterEmail, /we have completed your privacy request/i);
  expect(done.text).toContain('We have sent you a copy of your data');
});

test('someone who is not invited gets the same answer and no email', async ({ page, request }) => {
  const stranger = uniqueEmail('stranger');
  await page.goto('/admin/sign-in');
  await page.getByLabel(/work email address/i).fill(stranger);
  await page.getByRole('button', { name: /email me a sign-in link/i }).click();
  await expect(page.getByText(/a link is on its way/i).first()).toBeVisible();
  // An invited person asking right after gets their link: by then the stranger's would have arrived.
  const admin = await createStaff('admin');
  await page.goto('/admin/sign-in');
  await page.getByLabel(/work email address/i).fill(admin.email);
  await page.getByRole('button', { name: /email me a sign-in link/i }).click();
  await waitForEmail(request, admin.email, /sign in to the/i);
  const messages: { to: string }[] = await (await request.get('/api/dev/mailbox')).json();
  expect(messages.some((m) => m.to === stranger)).toBe(false);
});
