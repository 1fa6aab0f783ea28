import { expect, test } from '@playwright/test';
import { baseURL, REQUESTER_OIDC_CLIENT, REQUESTER_OIDC_PORT } from '../../playwright.config';
import { type IdentityProvider, startIdentityProvider } from '../support/identity-provider';
import { sql } from './db';
import { linkIn, uniqueEmail, waitForEmail } from './support';

/**
 * "Sign in with your Bitstride account" from the status page, in Chromium without JavaScript,
 * against a real OpenID Connect provider (tests/support/identity-provider.ts) on the port the
 * server is configured with (playwright.config.ts REQUESTER_OIDC_*). The refusals are proven in
 * tests/integration/account-sign-in.test.ts against the same provider.
 */
test.use({ javaScriptEnabled: false });

let idp: IdentityProvider;

test.beforeAll(async () => {
  idp = await startIdentityProvider({
    port: REQUESTER_OIDC_PORT,
    clientId: REQUESTER_OIDC_CLIENT.id,
    clientSecret: REQUESTER_OIDC_CLIENT.secret,
    redirectUri: `${baseURL}/status/account-sign-in/callback`,
  });
});

test.afterAll(async () => {
  await idp?.stop();
});

test('a California requester signs in with their account from the status page, and the request reaches high certainty', async ({
  browser,
  request,
}) => {
  const email = uniqueEmail('signin');
  const res = await request.post('/api/v1/requests', {
    data: { email, name: 'Ada Account', types: ['deletion'], jurisdiction: 'US-CA', confirm: true },
  });
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  const login = `requester-${Date.now()}`;
  idp.setAccount(login, { email, email_verified: true });

  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  // The provider's development pages load a web font: nothing outside the machine.
  await page.route(/fonts\.googleapis\.com/, (route) => route.abort());
  await page.goto(linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/));
  await page.getByRole('button', { name: /confirm my request/i }).click();
  await expect(page).toHaveURL(/\/status\//);
  const statusUrl = page.url();
  const token = new URL(statusUrl).searchParams.get('token')!;
  await expect(page.getByRole('heading', { name: 'Prove who you are' })).toBeVisible();

  // The provider's pages never see the status token: not in their address, not as a Referer.
  const seenByProvider: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).port === String(REQUESTER_OIDC_PORT))
      seenByProvider.push(`${r.url()} ${r.headers().referer ?? ''}`);
  });
  await page.getByRole('button', { name: 'Sign in with your Bitstride account' }).click();
  await page.waitForURL((url) => url.port === String(REQUESTER_OIDC_PORT));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.waitForURL((url) => url.origin === baseURL && url.pathname === `/status/${id}`);
  expect(new URL(page.url()).searchParams.get('token')).toBe(token);
  await expect(page.getByText('You signed in with your account: we are now sure this request is yours.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Prove who you are' })).toHaveCount(0);
  await expect(
    page.getByText('Identity check passed: signed in to the bitstride account (high certainty)'),
  ).toBeVisible();
  expect(seenByProvider.length).toBeGreaterThan(0);
  expect(seenByProvider.filter((line) => line.includes(token) || line.includes(id))).toEqual([]);

  const [row] = await sql<{ verification_level: string }>(
    'SELECT verification_level FROM privacy_request WHERE id = $1',
    [id],
  );
  expect(row.verification_level).toBe('high');
  const checks = await sql<{ method: string; detail: unknown }>(
    "SELECT method, detail FROM verification_check WHERE request_id = $1 AND method = 'account_sign_in'",
    [id],
  );
  expect(checks).toEqual([{ method: 'account_sign_in', detail: { issuer: idp.issuer } }]);
});
