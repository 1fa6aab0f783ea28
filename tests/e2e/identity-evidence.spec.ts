import { expect, test, type Browser } from '@playwright/test';
import { createSession, createStaff, sql } from './db';
import { linkIn, uniqueEmail, waitForEmail } from './support';

const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 3107}`;

async function signedIn(browser: Browser, role: 'reviewer' | 'viewer') {
  const person = await createStaff(role);
  const cookie = await createSession(person.id);
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addCookies([{ name: 'next-auth.session-token', value: cookie, url: ORIGIN }]);
  return { cookie, page: await context.newPage() };
}

test('a requester uploads a document with JavaScript off and a reviewer accepts it at "high"', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('evidence');
  const res = await request.post('/api/v1/requests', {
    data: { email, types: ['access'], jurisdiction: 'US-CA', confirm: true },
  });
  expect(res.status()).toBe(201);
  const { id } = await res.json();

  // The requester confirms their email, then works from the status page with no script at all.
  const requester = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await requester.goto(linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/));
  await requester.getByRole('button', { name: /confirm my request/i }).click();
  await expect(requester).toHaveURL(/\/status\//);
  await expect(requester.getByRole('heading', { name: 'Prove who you are' })).toBeVisible();
  await requester.getByLabel('An identity document').check();
  await requester.getByLabel(/^File \(PDF, JPEG or PNG/).setInputFiles({
    name: 'passport.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% e2e passport\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'),
  });
  await requester.getByRole('button', { name: 'Send the document' }).click();
  await expect(requester.getByText('We have your document.')).toBeVisible();
  await expect(requester.getByTestId('evidence-outcome')).toHaveText('Waiting for our review');
  expect(new URL(requester.url()).searchParams.get('notice')).toBe('evidence-sent');

  const [evidence] = await sql<{ id: string }>('SELECT id FROM identity_evidence WHERE request_id = $1', [id]);

  // A viewer may not open it; a reviewer downloads it (audited) and accepts it.
  const viewer = await signedIn(browser, 'viewer');
  const refused = await request.get(`/api/admin/evidence/${evidence.id}`, {
    headers: { cookie: `next-auth.session-token=${viewer.cookie}` },
  });
  expect(refused.status()).toBe(403);
  await viewer.page.goto(`/admin/requests/${id}`);
  await expect(viewer.page.getByText('Identity documents are visible to reviewers and admins.')).toBeVisible();

  const reviewer = await signedIn(browser, 'reviewer');
  await reviewer.page.goto(`/admin/requests/${id}`);
  const item = reviewer.page.getByTestId('evidence-item');
  await expect(item).toContainText('Identity document (application/pdf');
  const [download] = await Promise.all([
    reviewer.page.waitForEvent('download'),
    item.getByRole('link', { name: /Open/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-evidence-[0-9a-f]{8}\.pdf$/);
  const views = await sql<{ n: string }>(
    "SELECT count(*)::text AS n FROM audit_event WHERE request_id = $1 AND action = 'evidence.viewed'",
    [id],
  );
  expect(views[0].n).toBe('1');

  await item.getByLabel('Accept at').selectOption('high');
  await item.getByRole('button', { name: 'Accept the document' }).click();
  await expect(reviewer.page.getByText('Document accepted; the verification level is updated.')).toBeVisible();
  await reviewer.page.reload();
  await expect(reviewer.page.getByTestId('verification-level')).toHaveText('High certainty');

  await requester.reload();
  await expect(requester.getByText('We accepted the document you sent as proof of your identity')).toBeVisible();
  await expect(requester.getByRole('heading', { name: 'Prove who you are' })).toHaveCount(0);
});

test('a reviewer asks for stronger proof: the UK clock pauses and the status page says why', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('stronger-proof');
  const res = await request.post('/api/v1/requests', {
    data: { email, types: ['access'], jurisdiction: 'UK', confirm: true },
  });
  const { id } = await res.json();
  const requester = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await requester.goto(linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/));
  await requester.getByRole('button', { name: /confirm my request/i }).click();
  await expect(requester).toHaveURL(/\/status\//);
  await expect(requester.getByRole('heading', { name: 'Prove who you are' })).toHaveCount(0);

  const reviewer = await signedIn(browser, 'reviewer');
  await reviewer.page.goto(`/admin/requests/${id}`);
  await reviewer.page.locator('summary', { hasText: 'Ask for stronger proof' }).click();
  await reviewer.page.getByLabel('Level to ask for').selectOption('high');
  await reviewer.page
    .getByLabel("Why you doubt the requester's identity")
    .fill('The account changed its email yesterday.');
  await reviewer.page.getByRole('button', { name: 'Ask for stronger proof' }).click();
  await expect(
    reviewer.page.getByText('Stronger proof asked for; the clock is paused until it is reached.'),
  ).toBeVisible();

  await waitForEmail(request, email, /please prove who you are/i);
  await requester.reload();
  await expect(requester.getByRole('heading', { name: 'Prove who you are' })).toBeVisible();
  await expect(
    requester.getByText('We asked you for high certainty because: The account changed its email yesterday.'),
  ).toBeVisible();
  await expect(requester.getByRole('button', { name: 'Send the document' })).toBeVisible();
  const [row] = await sql<{ status: string; open: string }>(
    `SELECT status::text, (SELECT count(*)::text FROM clock_pause p WHERE p.request_id = r.id AND p.ended_at IS NULL) AS open
       FROM privacy_request r WHERE r.id = $1`,
    [id],
  );
  expect(row).toEqual({ status: 'awaiting_requester', open: '1' });
});
