import { expect, test, type Browser } from '@playwright/test';
import { createSession, createStaff, sql } from './db';
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
  return { admin, page: await context.newPage() };
}

test('a Virginia requester appeals a denial from the status page and another admin decides it', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('appeal');
  const res = await request.post('/api/v1/requests', {
    data: { email, name: 'Ada Appellant', types: ['deletion'], jurisdiction: 'US-VA', confirm: true },
  });
  expect(res.status()).toBe(201);
  const { id, reference } = await res.json();
  const requester = await (await browser.newContext()).newPage();
  await requester.goto(linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/));
  await requester.getByRole('button', { name: /confirm my request/i }).click();
  await expect(requester).toHaveURL(/\/status\//);
  const statusUrl = requester.url();
  await expect(requester.getByRole('heading', { name: /appeal our decision/i })).toHaveCount(0);

  // The first admin denies the request.
  const denier = await signedInAdmin(browser);
  await denier.page.goto(`/admin/requests/${id}`);
  await denier.page.locator('summary', { hasText: 'Deny' }).click();
  await denier.page.locator('#deny-reason').selectOption('exempt');
  // An exemption names its basis, which the requester receives (11 CCR §7022(f)(1)).
  await denier.page.locator('#deny-basis').fill('Va. Code §59.1-582(A)(1): records kept to comply with tax law');
  await denier.page.locator('#deny-message').fill('The records you asked us to delete must be kept for tax law.');
  await denier.page.getByRole('button', { name: 'Deny and tell the requester' }).click();
  await expect(denier.page.getByText(/decision sent to the requester/i).first()).toBeVisible();
  const decision = await waitForEmail(request, email, /cannot fulfil your privacy request/i);
  expect(decision.text).toMatch(/appeal this decision within 60 days/);

  // The requester appeals on the status page.
  await requester.goto(statusUrl);
  await expect(requester.getByRole('heading', { name: /appeal our decision/i })).toBeVisible();
  await expectNoSeriousA11yViolations(requester);
  await requester.getByRole('button', { name: /send my appeal/i }).click();
  await expect(requester.getByText(/tell us why you disagree/i).first()).toBeVisible();
  await requester.getByLabel(/why do you disagree/i).fill('The tax records rule does not cover my marketing profile.');
  await requester.getByRole('button', { name: /send my appeal/i }).click();
  await expect(requester.getByText(/we have your appeal/i)).toBeVisible();
  await expect(requester.getByRole('heading', { name: /appeal our decision/i })).toHaveCount(0);
  await expect(requester.getByText(/we received your appeal/i).first()).toBeVisible();
  const received = await waitForEmail(request, email, /we received your appeal/i);
  expect(received.text).toMatch(/tell you the outcome and our reasons by \d{1,2} \w+ \d{4}/);

  // The admin who denied cannot decide the appeal; another admin finds it in Appeals and rejects it.
  await denier.page.reload();
  await expect(denier.page.getByText(/another admin must decide this appeal/i)).toBeVisible();
  const decider = await signedInAdmin(browser);
  await decider.page.goto('/admin/appeals');
  await expectNoSeriousA11yViolations(decider.page);
  await expect(decider.page.getByRole('row', { name: new RegExp(reference) })).toContainText('On track');
  await decider.page.getByRole('link', { name: reference }).click();
  await expect(decider.page.getByText('The tax records rule does not cover my marketing profile.')).toBeVisible();
  await decider.page.getByLabel('Outcome').selectOption('rejected');
  await decider.page
    .getByLabel('Reasons sent to the requester')
    .fill('We checked again: your profile is part of the tax records we must keep.');
  await decider.page.getByRole('button', { name: 'Decide the appeal' }).click();
  await expect(decider.page.getByText(/appeal decided/i).first()).toBeVisible();

  // The requester gets the outcome, with how to contact the Attorney General, and sees it on the page.
  const outcome = await waitForEmail(request, email, /decided your appeal/i);
  expect(outcome.text).toContain('We checked again: your profile is part of the tax records we must keep.');
  expect(outcome.text).toContain('Virginia Attorney General');
  await requester.goto(statusUrl);
  await expect(requester.getByText(/our decision stands/i).first()).toBeVisible();
});

test('a Virginia request never confirmed is closed as "could not verify", and its emailed link lets the mailbox appeal', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('unconfirmed');
  const res = await request.post('/api/v1/requests', {
    data: { email, name: 'Una Confirmed', types: ['deletion'], jurisdiction: 'US-VA', confirm: true },
  });
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  const first = await waitForEmail(request, email, /confirm your privacy request/i);
  expect(first.text).toMatch(/expires in 10 days/);

  // The link runs out: its expiry job becomes due and the server's worker closes the request.
  await sql("UPDATE verification_link SET expires_at = now() - interval '1 minute' WHERE request_id = $1", [id]);
  await sql('UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = $1', [`expire-unverified:${id}`]);
  const decision = await waitForEmail(request, email, /could not verify your privacy request/i);
  expect(decision.text).toMatch(/appeal this decision within 60 days/);

  const requester = await (await browser.newContext()).newPage();
  await requester.goto(linkIn(decision, /\/status\//));
  await expect(requester.getByText('Closed — we could not verify this request')).toBeVisible();
  await expect(requester.getByRole('heading', { name: /appeal our decision/i })).toBeVisible();
  await expectNoSeriousA11yViolations(requester);
  await requester
    .getByLabel(/why do you disagree/i)
    .fill('I made this request; the first email went to my spam folder.');
  await requester.getByRole('button', { name: /send my appeal/i }).click();
  await expect(requester.getByText(/we have your appeal/i)).toBeVisible();
  await waitForEmail(request, email, /we received your appeal/i);
});

test('C.R.S. 6-1-1306(3)(b): an admin extends a Colorado appeal by 60 days and the requester is told why', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('appeal-co');
  const res = await request.post('/api/v1/requests', {
    data: { email, name: 'Cole Orado', types: ['access'], jurisdiction: 'US-CO', confirm: true },
  });
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  const requester = await (await browser.newContext()).newPage();
  await requester.goto(linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/));
  await requester.getByRole('button', { name: /confirm my request/i }).click();
  await expect(requester).toHaveURL(/\/status\//);
  const statusUrl = requester.url();

  const denier = await signedInAdmin(browser);
  await denier.page.goto(`/admin/requests/${id}`);
  await denier.page.locator('summary', { hasText: 'Deny' }).click();
  await denier.page.locator('#deny-reason').selectOption('exempt');
  await denier.page.locator('#deny-basis').fill('C.R.S. 6-1-1304(3): records kept to comply with the law');
  await denier.page.locator('#deny-message').fill('The records you asked for are exempt from this right.');
  await denier.page.getByRole('button', { name: 'Deny and tell the requester' }).click();
  const decision = await waitForEmail(request, email, /cannot fulfil your privacy request/i);
  expect(decision.text).toMatch(/within 45 days of receiving it, or, where necessary, within 60 days more/);
  expect(decision.text).toContain('Colorado Attorney General');

  await requester.goto(statusUrl);
  await requester.getByLabel(/why do you disagree/i).fill('The records are not exempt; please look again.');
  await requester.getByRole('button', { name: /send my appeal/i }).click();
  await expect(requester.getByText(/we have your appeal/i)).toBeVisible();

  const admin = await signedInAdmin(browser);
  await admin.page.goto(`/admin/requests/${id}`);
  await expectNoSeriousA11yViolations(admin.page);
  const reason = 'Your appeal concerns several systems that we are checking again.';
  await admin.page.getByLabel(/reasons for extending the decision by 60 days/i).fill(reason);
  await admin.page.getByRole('button', { name: 'Extend the appeal' }).click();
  await expect(admin.page.getByText(/appeal extended/i).first()).toBeVisible();
  await admin.page.reload();
  await expect(admin.page.getByText(/^Extended on /)).toBeVisible();
  await expect(admin.page.getByRole('button', { name: 'Extend the appeal' })).toHaveCount(0);

  const extended = await waitForEmail(request, email, /more time to decide your appeal/i);
  expect(extended.text).toContain(reason);
  expect(extended.text).toMatch(/by \d{1,2} \w+ \d{4}/);
  expect(extended.text).toContain('Colorado Attorney General');
  await requester.goto(statusUrl);
  await expect(requester.getByText(/need more time to decide your appeal/i).first()).toBeVisible();
});
