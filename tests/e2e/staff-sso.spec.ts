import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { baseURL, OIDC_CLIENT, OIDC_PORT } from '../../playwright.config';
import {
  startIdentityProvider,
  type ClaimsDelivery,
  type IdentityProvider,
  type IdpClaims,
} from '../support/identity-provider';
import { createSession, createStaff, sql } from './db';

// One identity provider on a fixed port, reconfigured per test: the tests of this file run in order.
test.describe.configure({ mode: 'serial' });

let idp: IdentityProvider;

test.beforeAll(async () => {
  idp = await startIdentityProvider({
    port: OIDC_PORT,
    clientId: OIDC_CLIENT.id,
    clientSecret: OIDC_CLIENT.secret,
    redirectUri: `${baseURL}/api/auth/callback/oidc`,
  });
});

test.afterAll(async () => {
  await idp?.stop();
});

const SEEDED_ADMIN = 'admin@example.com';

function newLogin(label: string) {
  return `${label}-${Date.now()}-${randomBytes(3).toString('hex')}`;
}

/** A new visitor signs in with the company account `login` at the provider; returns the page where they land. */
async function signInWithSso(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  // The provider's development pages load a web font: nothing outside the machine.
  await page.route(/fonts\.googleapis\.com/, (route) => route.abort());
  await page.goto('/admin/sign-in');
  await page.getByRole('button', { name: `Sign in with ${OIDC_CLIENT.name}` }).click();
  await page.waitForURL((url) => url.port === String(OIDC_PORT));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.origin === baseURL && !url.pathname.startsWith('/api/auth'));
  return page;
}

async function expectRefused(page: Page, message: RegExp) {
  await expect(page).toHaveURL(/\/admin\/sign-in\?error=Sso/);
  await expect(page.locator('.admin-notice[role="alert"]')).toHaveText(message);
  // Not signed in: the workspace sends them back to sign in.
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/sign-in/);
}

async function links(userId: string) {
  return sql<{ provider_account_id: string; issuer: string; email: string }>(
    'SELECT provider_account_id, issuer, email FROM staff_account WHERE user_id = $1',
    [userId],
  );
}

async function auditActions(userId: string, prefix: string) {
  const rows = await sql<{ action: string }>(
    "SELECT action FROM audit_event WHERE (actor_id = $1 OR data->>'userId' = $1) AND action LIKE $2 ORDER BY id",
    [userId, `${prefix}%`],
  );
  return rows.map((r) => r.action);
}

for (const delivery of ['userinfo', 'id_token'] as ClaimsDelivery[]) {
  test(`a verified email from the configured issuer signs in an invited person, linked once (claims in ${delivery === 'userinfo' ? 'UserInfo only' : 'the ID token'})`, async ({
    browser,
  }) => {
    idp.configure({ delivery });
    const reviewer = await createStaff('reviewer');
    const login = newLogin('verified');
    idp.setAccount(login, { email: reviewer.email.toUpperCase(), email_verified: true, name: 'Verified Reviewer' });

    const first = await signInWithSso(browser, login);
    await expect(first).toHaveURL(/\/admin$/);
    await expect(first.getByText(reviewer.email).first()).toBeVisible();
    expect(await links(reviewer.id)).toEqual([
      { provider_account_id: login, issuer: idp.issuer, email: reviewer.email },
    ]);

    // The second time, the link is used as it is: no second link, one link event in the audit log.
    const second = await signInWithSso(browser, login);
    await expect(second).toHaveURL(/\/admin$/);
    expect(await links(reviewer.id)).toHaveLength(1);
    expect(await auditActions(reviewer.id, 'staff.s')).toEqual([
      'staff.sso_linked',
      'staff.signed_in',
      'staff.signed_in',
    ]);
  });
}

// The refusals are tried with the claims in the ID token, where a provider asserting them is most
// easily believed, and the real admin's address as the target.
const refusals: { name: string; claims: () => IdpClaims; foreignIssuer?: boolean; message: RegExp }[] = [
  {
    name: 'an unverified email',
    claims: () => ({ email: SEEDED_ADMIN, email_verified: false }),
    message: /your identity provider did not confirm this email address/i,
  },
  {
    name: 'no email claim, only a preferred_username and upn',
    claims: () => ({ preferred_username: SEEDED_ADMIN, upn: SEEDED_ADMIN, name: 'Admin' }),
    message: /your identity provider did not share an email address/i,
  },
  {
    name: 'a verified email from another issuer',
    claims: () => ({ email: SEEDED_ADMIN, email_verified: true }),
    foreignIssuer: true,
    message: /an identity provider this workspace does not trust/i,
  },
  {
    name: "a stranger's verified email",
    claims: () => ({ email: `stranger.${Date.now()}@elsewhere.example.com`, email_verified: true }),
    message: /does not belong to an active member of the privacy team/i,
  },
];

for (const refusal of refusals) {
  test(`${refusal.name} is refused with a clear page`, async ({ browser }) => {
    idp.configure({ delivery: 'id_token', foreignIssuer: refusal.foreignIssuer });
    const login = newLogin('refused');
    idp.setAccount(login, refusal.claims());
    const page = await signInWithSso(browser, login);
    await expectRefused(page, refusal.message);
    expect(await sql('SELECT 1 FROM staff_account WHERE provider_account_id = $1', [login])).toEqual([]);
    const adminSsoSignIns =
      "SELECT 1 FROM audit_event e JOIN staff_user u ON u.id = e.actor_id WHERE u.email = $1 AND e.action = 'staff.signed_in' AND e.data->>'provider' = 'oidc'";
    expect(await sql(adminSsoSignIns, [SEEDED_ADMIN])).toEqual([]);
  });
}

test('a linked account whose email changes no longer signs in as that person, nor as the owner of the new address', async ({
  browser,
}) => {
  idp.configure({ delivery: 'id_token' });
  const reviewer = await createStaff('reviewer');
  const other = await createStaff('admin');
  const login = newLogin('changed');
  idp.setAccount(login, { email: reviewer.email, email_verified: true });
  await expect(await signInWithSso(browser, login)).toHaveURL(/\/admin$/);

  // The provider's account now asserts another staff member's verified address.
  idp.setAccount(login, { email: other.email, email_verified: true });
  await expectRefused(await signInWithSso(browser, login), /has changed since it was linked/i);
  expect(await links(other.id)).toEqual([]);
  expect(await sql('SELECT 1 FROM staff_session WHERE user_id = $1', [other.id])).toEqual([]);
  expect(await auditActions(reviewer.id, 'staff.sso_')).toEqual(['staff.sso_linked', 'staff.sso_refused']);
});

test('a second provider account with the same verified email is refused while the first is linked', async ({
  browser,
}) => {
  idp.configure({ delivery: 'userinfo' });
  const reviewer = await createStaff('reviewer');
  const first = newLogin('first');
  const second = newLogin('second');
  idp.setAccount(first, { email: reviewer.email, email_verified: true });
  idp.setAccount(second, { email: reviewer.email, email_verified: true });
  await expect(await signInWithSso(browser, first)).toHaveURL(/\/admin$/);
  await expectRefused(await signInWithSso(browser, second), /another identity provider account is already linked/i);
  expect((await links(reviewer.id)).map((l) => l.provider_account_id)).toEqual([first]);
});

test("an admin sees a person's link and removes it, audited: their sessions end and their next sign-in links again", async ({
  browser,
}) => {
  idp.configure({ delivery: 'userinfo' });
  const reviewer = await createStaff('reviewer');
  const login = newLogin('unlinked');
  idp.setAccount(login, { email: reviewer.email, email_verified: true });
  const reviewerPage = await signInWithSso(browser, login);
  await expect(reviewerPage).toHaveURL(/\/admin$/);

  const admin = await createStaff('admin');
  const adminContext = await browser.newContext();
  await adminContext.addCookies([
    { name: 'next-auth.session-token', value: await createSession(admin.id), url: baseURL },
  ]);
  const page = await adminContext.newPage();
  await page.goto('/admin/staff');
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: reviewer.email }) });
  await expect(row).toContainText(`as ${reviewer.email} at ${idp.issuer}`);
  await row.getByRole('button', { name: /remove the single sign-on link of/i }).click();
  await expect(page.getByText(/single sign-on link removed/i)).toBeVisible();
  await expect(row).toContainText('Not linked');

  expect(await links(reviewer.id)).toEqual([]);
  const unlinked = await sql<{ actor_id: string }>(
    "SELECT actor_id FROM audit_event WHERE action = 'staff.sso_unlinked' AND data->>'userId' = $1",
    [reviewer.id],
  );
  expect(unlinked).toEqual([{ actor_id: admin.id }]);
  await reviewerPage.goto('/admin');
  await expect(reviewerPage).toHaveURL(/\/admin\/sign-in/);

  await expect(await signInWithSso(browser, login)).toHaveURL(/\/admin$/);
  expect(await links(reviewer.id)).toHaveLength(1);
});
