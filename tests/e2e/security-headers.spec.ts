/**
 * Security headers, CSP nonces, cookie flags, and the pages whose URL holds a secret: over HTTP and
 * in Chromium against the production build.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { createStaff } from './db';
import { linkIn, uniqueEmail, waitForEmail } from './support';

const COMMON = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

function expectCommonHeaders(headers: Record<string, string>, label: string) {
  for (const [name, value] of Object.entries(COMMON)) expect(headers[name], `${label}: ${name}`).toBe(value);
  expect(headers['permissions-policy'], label).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  expect(headers['referrer-policy'], label).toMatch(/^(no-referrer|same-origin)$/);
  // The e2e server is production over plain http: no HSTS (it would pin localhost to https).
  expect(headers['strict-transport-security'], label).toBeUndefined();
}

/** The page CSP: a nonce, no inline script, no framing; and every script tag carries that nonce. */
async function expectNonceCsp(request: APIRequestContext, url: string) {
  const res = await request.get(url, { maxRedirects: 0 });
  const headers = res.headers();
  expectCommonHeaders(headers, url);
  const csp = headers['content-security-policy'];
  expect(csp, url).toBeTruthy();
  const scriptSrc = /script-src ([^;]*)/.exec(csp)![1];
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
  expect(nonce, `${url} has a nonce`).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length, `${url} has scripts`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, url).toContain(`nonce="${nonce}"`);
  // A fresh nonce per response.
  const again = (await request.get(url, { maxRedirects: 0 })).headers()['content-security-policy'];
  expect(again).not.toContain(nonce!);
  return headers;
}

/** Every request the page makes goes to our own origin, and the browser reports no CSP violation. */
function watch(page: Page) {
  const origins = new Set<string>();
  const violations: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol.startsWith('http')) origins.add(url.origin);
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(m.text())) violations.push(m.text());
  });
  return { origins, violations };
}

async function fileRequest(request: APIRequestContext) {
  const email = uniqueEmail('headers');
  const res = await request.post('/api/v1/requests', {
    data: { email, types: ['access'], jurisdiction: 'EU', confirm: true },
  });
  expect(res.status()).toBe(201);
  const verifyUrl = linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/);
  return { email, verifyUrl };
}

test('pages carry a nonce CSP and the security headers; route handlers a locked-down CSP', async ({
  request,
  page,
}) => {
  const { verifyUrl } = await fileRequest(request);
  const home = await expectNonceCsp(request, '/');
  expect(home['referrer-policy']).toBe('same-origin');
  expect((await expectNonceCsp(request, verifyUrl))['referrer-policy']).toBe('no-referrer');
  expect((await expectNonceCsp(request, '/admin/sign-in'))['referrer-policy']).toBe('same-origin');

  for (const url of [
    '/api/health',
    '/api/v1/openapi.json',
    '/api/v1/requests/00000000-0000-0000-0000-000000000000?token=x',
  ]) {
    const headers = (await request.get(url)).headers();
    expectCommonHeaders(headers, url);
    expect(headers['content-security-policy'], url).toContain("default-src 'none'");
    expect(headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
  }
  // The build's own files too: Next.js's (a page it renders) and the islands' (the request form).
  await page.goto('/admin/sign-in');
  const script = await page.locator('script[src*="/_next/static/"]').first().getAttribute('src');
  const asset = (await request.get(script!)).headers();
  expect(asset['x-content-type-options']).toBe('nosniff');
  await page.goto('/');
  const island = await page.locator('script[src*="/islands/"]').first().getAttribute('src');
  expect((await request.get(island!)).headers()['x-content-type-options']).toBe('nosniff');

  // A redirect from the proxy (signed-out staff) carries them as well.
  const redirect = await request.get('/admin', { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectCommonHeaders(redirect.headers(), '/admin redirect');
});

test('the journey runs under the CSP without a violation, and token pages load nothing from elsewhere and send no Referer', async ({
  page,
  request,
}) => {
  const { verifyUrl } = await fileRequest(request);
  const { origins, violations } = watch(page);
  const ownOrigin = new URL(test.info().project.use.baseURL!).origin;

  await page.goto('/');
  await page.getByRole('textbox', { name: /^your email address/i }).fill('not-an-email');
  await page.getByRole('button', { name: /send request/i }).click();
  await expect(page.getByText(/valid email address/i).first()).toBeVisible(); // client-side validation ran: scripts execute

  await page.goto(verifyUrl);
  expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('no-referrer');
  const confirm = page.waitForRequest((r) => r.url().endsWith('/verify/confirm') && r.method() === 'POST');
  await page.getByRole('button', { name: /confirm my request/i }).click();
  const post = await confirm;
  // No-referrer: the secret in the page's URL goes nowhere, not even to ourselves.
  expect(post.headers()['referer']).toBeUndefined();
  await expect(page).toHaveURL(/\/status\/[0-9a-f-]{36}\?token=/);
  const status = await request.get(page.url());
  const statusHeaders = status.headers();
  expect(statusHeaders['referrer-policy']).toBe('no-referrer');
  // The status page is plain HTML: no script of any kind runs where the token is in the URL.
  expect(await status.text()).not.toMatch(/<script\b/i);
  expect(await page.locator('script').count()).toBe(0);
  expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('no-referrer');

  // Leaving the status page by its footer link (another site) would send no Referer either.
  const outbound = await page
    .locator('a[href^="http"]')
    .evaluateAll((links) =>
      links.map((a) => ({ href: (a as HTMLAnchorElement).href, rel: (a as HTMLAnchorElement).rel })),
    );
  expect(outbound.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.referrer)).toBe('');

  expect([...origins]).toEqual([ownOrigin]);
  expect(violations).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('confirm, answer errors and withdraw all work from no-referrer pages (no Origin needed)', async ({
    page,
    request,
  }) => {
    const { email, verifyUrl } = await fileRequest(request);
    await page.goto(verifyUrl);
    await page.getByRole('button', { name: /confirm my request/i }).click();
    await expect(page).toHaveURL(/\/status\/[0-9a-f-]{36}\?token=/);
    await expect(page.getByText(/email address confirmed/i)).toBeVisible();

    // Withdrawing without the box: an error tied to the box, the request still open.
    await page.getByRole('button', { name: /withdraw my request/i }).click();
    await expect(page.getByText(/tick the box to confirm/i).first()).toBeVisible();
    await expect(page.locator('#confirm-withdraw')).toHaveAttribute('aria-invalid', 'true');
    // The page that comes back opens on the error summary (autofocus: no script needed).
    await expect(page.getByRole('alert')).toBeFocused();

    await page.getByLabel(/yes, withdraw this request/i).check();
    await page.getByRole('button', { name: /withdraw my request/i }).click();
    await expect(page.getByText(/you withdrew this request/i).first()).toBeVisible();
    await waitForEmail(request, email, /withdrawn/i);
  });

  test('an account email is proven from the status page and its own link, both no-referrer, by POST only', async ({
    page,
    request,
  }) => {
    const email = uniqueEmail('claimant');
    const accountEmail = uniqueEmail('account');
    const res = await request.post('/api/v1/requests', {
      data: { email, accountEmail, types: ['access'], jurisdiction: 'EU', confirm: true },
    });
    expect(res.status()).toBe(201);
    await page.goto(linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/));
    await page.getByRole('button', { name: /confirm my request/i }).click();
    await expect(page).toHaveURL(/\/status\/[0-9a-f-]{36}\?token=/);
    const statusUrl = page.url();
    await expect(page.getByText(/not confirmed yet/i)).toBeVisible();
    expect(await page.content()).not.toContain(accountEmail);
    await page.getByRole('button', { name: /email a link to/i }).click();
    await expect(page.getByText(/we emailed a link to your other account email/i).first()).toBeVisible();

    const proofUrl = linkIn(
      await waitForEmail(request, accountEmail, /confirm this address/i),
      /\/verify\/account-email\?token=/,
    );
    expect((await request.get(proofUrl)).headers()['referrer-policy']).toBe('no-referrer');
    await page.goto(proofUrl);
    await page.goto(statusUrl);
    // Opening the link (as a mail scanner does) proves nothing.
    await expect(page.getByText(/not confirmed yet/i)).toBeVisible();
    await page.goto(proofUrl);
    await page.getByRole('button', { name: /confirm this address/i }).click();
    await expect(page.getByRole('heading', { name: /this address is confirmed/i })).toBeVisible();
    await page.goto(statusUrl);
    await expect(page.getByText(/confirmed on/i)).toBeVisible();
    await expect(page.getByRole('button', { name: /email a link to/i })).toHaveCount(0);
  });

  test('the confirmation page re-sends the link without JavaScript', async ({ page, request }) => {
    const email = uniqueEmail('resend');
    await page.goto('/');
    await page.getByRole('textbox', { name: /^your email address/i }).fill(email);
    await page.getByLabel(/where you live/i).selectOption('UK');
    await page.getByRole('checkbox', { name: /access/i }).check();
    await page.getByRole('checkbox', { name: /confirm|accurate/i }).check();
    await page.getByRole('button', { name: /send request/i }).click();
    await expect(page).toHaveURL(/\/submitted\//);
    await waitForEmail(request, email, /confirm your privacy request/i);
    await page.getByRole('button', { name: /send the email again/i }).click();
    // One link a minute: the first re-send right after submitting is refused with a human message.
    await expect(page.getByText(/we sent a link very recently/i)).toBeVisible();
    await expect(page).toHaveURL(/\/submitted\/[0-9a-f-]{36}\?token=/);
  });
});

test('a forged or empty post to a token form is a 4xx or a redirect, never a 5xx', async ({ request }) => {
  const id = '00000000-0000-4000-8000-000000000000';
  for (const path of [
    '/verify/confirm',
    '/verify/resend',
    `/status/${id}/withdraw`,
    `/status/${id}/reply`,
    `/submitted/${id}/resend`,
  ]) {
    const notForm = await request.post(path, { data: { token: 'x' }, maxRedirects: 0 });
    expect(notForm.status(), path).toBe(400);
    expect((await notForm.json()).error.message).toBeTruthy();
    const forged = await request.post(path, {
      form: { token: 'a'.repeat(43), confirmWithdraw: 'on', message: 'hi' },
      maxRedirects: 0,
    });
    expect(forged.status(), path).toBe(303);
    expect(forged.headers()['location'], path).toMatch(/^\/(verify|status|submitted)/);
  }
  const notOurs = await request.post('/status/not-a-request/withdraw', {
    form: { token: 'a'.repeat(43) },
    maxRedirects: 0,
  });
  expect(notOurs.status()).toBe(404);
  expect((await notOurs.json()).error.message).toMatch(/not valid/);
});

test('the staff session cookie is HttpOnly and SameSite=Lax', async ({ page, request }) => {
  const admin = await createStaff('admin');
  await page.goto('/admin/sign-in');
  await page.getByLabel(/work email address/i).fill(admin.email);
  await page.getByRole('button', { name: /email me a sign-in link/i }).click();
  await expect(page.getByText(/a link is on its way/i).first()).toBeVisible();
  await page.goto(linkIn(await waitForEmail(request, admin.email, /sign in to the/i), /\/api\/auth\/callback\/email/));
  await expect(page).toHaveURL(/\/admin/);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith('next-auth.session-token'));
  expect(session).toBeTruthy();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Lax');
  for (const c of cookies) {
    expect(
      c.httpOnly || c.name.endsWith('next-auth.callback-url') || c.name.endsWith('next-auth.csrf-token'),
      c.name,
    ).toBe(true);
    expect(['Lax', 'Strict'], c.name).toContain(c.sameSite);
  }
});
