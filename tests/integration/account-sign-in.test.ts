/**
 * "Sign in with your Bitstride account" from the status page, against a real OpenID Connect
 * provider (panva's oidc-provider, tests/support/identity-provider.ts) on loopback, driven with fetch
 * through its own login and consent pages, and our route handlers on real PostgreSQL. Only a
 * verified email equal to the request's email or to the named account email counts; everything
 * else records nothing and sends the requester back with the same message.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as startPost } from '../../app/(public)/status/[id]/account-sign-in/route';
import { GET as statusPage } from '../../app/(public)/status/[id]/route';
import { GET as callbackGet } from '../../app/(public)/status/account-sign-in/callback/route';
import { db } from '../../lib/db';
import { env, resetEnvCache } from '../../lib/env';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import type { NewRequest } from '../../lib/universal/request-schema';
import { finishAccountSignIn } from '../../lib/verification/finish-account-sign-in';
import { signInRedirectUri } from '../../lib/verification/requester-oidc';
import { SIGN_IN_MINUTES } from '../../lib/verification/start-account-sign-in';
import { verifyRequest } from '../../lib/verification/verify-request';
import { seededInventory } from '../support/fulfilment';
import { type IdentityProvider, type IdpClaims, startIdentityProvider } from '../support/identity-provider';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';

const CLIENT = { id: 'portal-requesters', secret: 'requester-client-secret' };
const REQUESTER_ENV = [
  'REQUESTER_OIDC_ISSUER',
  'REQUESTER_OIDC_CLIENT_ID',
  'REQUESTER_OIDC_CLIENT_SECRET',
  'REQUESTER_OIDC_NAME',
];
const saved = Object.fromEntries(REQUESTER_ENV.map((name) => [name, process.env[name]]));

let idp: IdentityProvider;
let admin: StaffIdentity;

/** A free loopback port on both provider addresses (other engineers' tests share the machine). */
async function startProvider(): Promise<IdentityProvider> {
  for (let attempt = 0; ; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    try {
      return await startIdentityProvider({
        port,
        clientId: CLIENT.id,
        clientSecret: CLIENT.secret,
        redirectUri: 'http://portal.test/status/account-sign-in/callback',
      });
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

beforeAll(async () => {
  idp = await startProvider();
  Object.assign(process.env, {
    REQUESTER_OIDC_ISSUER: idp.issuer,
    REQUESTER_OIDC_CLIENT_ID: CLIENT.id,
    REQUESTER_OIDC_CLIENT_SECRET: CLIENT.secret,
    REQUESTER_OIDC_NAME: 'your Bitstride account',
  });
  resetEnvCache();
});

afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
  await idp?.stop();
});

beforeEach(async () => {
  await resetDatabase();
  admin = await aStaffIdentity('admin');
  await seededInventory();
});

afterEach(() => {
  idp.configure({});
});

async function verified(overrides: Partial<NewRequest>) {
  const input = aRequest(overrides);
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  return { input, id: created.id, status: await latestStatusLink(input.email) };
}

const unescapeHtml = (text: string) => text.replaceAll('&amp;', '&').replaceAll('&quot;', '"');

/** Presses "Sign in with…" on the status page: the hand-off page's next address and the browser's cookie. */
async function startSignIn(requestId: string, token: string, lang?: string) {
  const response = await startPost(
    new Request(`http://portal.test/status/${requestId}/account-sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.9' },
      body: new URLSearchParams({ token, ...(lang && { lang }) }),
    }),
    { params: Promise.resolve({ id: requestId }) },
  );
  expect(response.status).toBe(200);
  const html = await response.text();
  const refresh = /<meta http-equiv="refresh" content="0;url=([^"]+)"/.exec(html);
  if (!refresh) throw new Error(`no hand-off to the provider: ${html.slice(0, 300)}`);
  const cookie = /^requester_sign_in=([^;]+)/.exec(response.headers.get('set-cookie') ?? '');
  if (!cookie) throw new Error('no browser cookie');
  return { authorizationUrl: unescapeHtml(refresh[1]), cookie: `requester_sign_in=${cookie[1]}`, html };
}

/** Signs in at the provider's own pages as `login` and consents; returns the callback URL it redirects to. */
async function signInAtProvider(authorizationUrl: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      body,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0];
      const at = pair.indexOf('=');
      if (pair.slice(at + 1)) jar.set(pair.slice(0, at), pair.slice(at + 1));
      else jar.delete(pair.slice(0, at));
    }
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url).href;
      if (next.startsWith(signInRedirectUri())) return next;
      url = next;
      body = undefined;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`the provider answered ${response.status} with no form at ${url}`);
    url = new URL(unescapeHtml(action), url).href;
    body = html.includes('name="login"')
      ? new URLSearchParams({ prompt: 'login', login, password: 'any password' })
      : new URLSearchParams({ prompt: 'consent' });
  }
  throw new Error('the provider never sent the browser back');
}

/** The provider's redirect back to us, opened by the browser holding `cookie` (or none). */
async function openCallback(callbackUrl: string, cookie?: string) {
  return callbackGet(new Request(callbackUrl, { headers: cookie ? { cookie } : {} }));
}

let logins = 0;
/** The whole journey for a person whose provider account asserts `claims`; the callback's response. */
async function signInAs(r: { id: string; status: { token: string } }, claims: IdpClaims) {
  const login = `person-${++logins}-${Date.now()}`;
  idp.setAccount(login, claims);
  const { authorizationUrl, cookie } = await startSignIn(r.id, r.status.token);
  const callbackUrl = await signInAtProvider(authorizationUrl, login);
  return { response: await openCallback(callbackUrl, cookie), callbackUrl, cookie, authorizationUrl };
}

const methods = async (requestId: string) =>
  (await db().verificationCheck.findMany({ where: { requestId }, orderBy: { createdAt: 'asc' } })).map((c) => c.method);
const level = async (requestId: string) =>
  (await db().privacyRequest.findUniqueOrThrow({ where: { id: requestId } })).verificationLevel;
const refusals = async (requestId: string | null) =>
  (await db().auditEvent.findMany({ where: { requestId, action: 'verification.account_sign_in_refused' } })).map(
    (e) => (e.data as { reason: string }).reason,
  );

function expectBackToStatus(response: Response, r: { id: string; status: { token: string } }, notice: string) {
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe(
    `/status/${r.id}?token=${r.status.token}&form=account-sign-in&notice=${notice}`,
  );
}

describe('requester account sign-in', () => {
  it('the status page offers it while the request needs more proof; the provider never sees the status token', async () => {
    const r = await verified({ jurisdiction: 'US-CA', types: ['deletion'] });
    const page = await (
      await statusPage(new Request(`http://portal.test/status/${r.id}?token=${r.status.token}`), {
        params: Promise.resolve({ id: r.id }),
      })
    ).text();
    expect(page).toContain(`action="/status/${r.id}/account-sign-in" method="post"`);
    expect(page).toContain('Sign in with your Bitstride account');

    const { authorizationUrl } = await startSignIn(r.id, r.status.token);
    const authorize = new URL(authorizationUrl);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorizationUrl).not.toContain(r.status.token);
    expect(authorizationUrl).not.toContain(r.id);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe('http://portal.test/status/account-sign-in/callback');
    for (const name of ['state', 'nonce', 'code_challenge']) expect(authorize.searchParams.get(name)).toBeTruthy();
    // Only the state's hash is kept.
    const pending = await db().requesterSignIn.findFirstOrThrow({ where: { requestId: r.id } });
    expect(pending.stateHash).not.toBe(authorize.searchParams.get('state'));
    expect(pending.expiresAt.getTime() - pending.createdAt.getTime()).toBe(SIGN_IN_MINUTES * 60_000);
  });

  it("a verified email equal to the request's email reaches high: a California deletion may start", async () => {
    const r = await verified({ jurisdiction: 'US-CA', types: ['deletion'] });
    await expect(startRequest({ staff: admin, requestId: r.id })).rejects.toMatchObject({ code: 'CONFLICT' });

    const { response } = await signInAs(r, { email: r.input.email.toUpperCase(), email_verified: true });
    expectBackToStatus(response, r, 'signed-in');
    expect(await methods(r.id)).toEqual(['email_link', 'account_sign_in']);
    expect(await level(r.id)).toBe('high');
    const check = await db().verificationCheck.findFirstOrThrow({
      where: { requestId: r.id, method: 'account_sign_in' },
    });
    expect(check.detail).toEqual({ issuer: idp.issuer });
    const succeeded = await db().auditEvent.findFirstOrThrow({
      where: { requestId: r.id, action: 'verification.account_sign_in_succeeded' },
    });
    expect(succeeded.data).toEqual({ issuer: idp.issuer, matched: 'request_email' });
    expect(JSON.stringify(succeeded.data)).not.toContain('@');
    await startRequest({ staff: admin, requestId: r.id });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('in_progress');

    // The page, followed from the redirect, says so and offers no more sign-in.
    const page = await (
      await statusPage(new Request(`http://portal.test${response.headers.get('location')}`), {
        params: Promise.resolve({ id: r.id }),
      })
    ).text();
    expect(page).toContain('You signed in with your account: we are now sure this request is yours.');
    expect(page).not.toContain('/account-sign-in" method="post"');
  });

  it('a language chosen on the status page carries through: the hand-off page and the page after speak it', async () => {
    const r = await verified({ jurisdiction: 'US-CA', types: ['deletion'] });
    const login = `person-${++logins}-${Date.now()}`;
    idp.setAccount(login, { email: r.input.email, email_verified: true });
    const { authorizationUrl, cookie, html } = await startSignIn(r.id, r.status.token, 'fr');
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain('Connexion en cours');
    // The language rides in the browser's cookie, not in anything the provider sees.
    expect(cookie).toMatch(/~fr$/);
    expect([...new URL(authorizationUrl).searchParams.values()]).not.toContain('fr');
    const response = await openCallback(await signInAtProvider(authorizationUrl, login), cookie);
    expect(response.headers.get('location')).toBe(
      `/status/${r.id}?token=${r.status.token}&form=account-sign-in&notice=signed-in&lang=fr`,
    );
    // `?lang=` is what the status page's switcher and forms use (proxy.ts; tests/e2e/languages.spec.ts).
    expect(await level(r.id)).toBe('high');
  });

  it('a verified email equal to the named account email reaches high and proves that address (claims in the ID token)', async () => {
    idp.configure({ delivery: 'id_token' });
    const accountEmail = `account.${Date.now()}@example.org`;
    const r = await verified({ jurisdiction: 'US-CA', types: ['access'], accountEmail });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).accountEmailVerifiedAt).toBeNull();

    const { response } = await signInAs(r, { email: accountEmail, email_verified: true });
    expectBackToStatus(response, r, 'signed-in');
    const request = await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(request.verificationLevel).toBe('high');
    expect(request.accountEmailVerifiedAt).not.toBeNull();
    const proven = await db().auditEvent.findFirstOrThrow({
      where: { requestId: r.id, action: 'account_email.proven' },
    });
    expect(proven.data).toEqual({ tasksRunAgain: 0, proof: 'account_sign_in' });
    const succeeded = await db().auditEvent.findFirstOrThrow({
      where: { requestId: r.id, action: 'verification.account_sign_in_succeeded' },
    });
    expect(succeeded.data).toEqual({ issuer: idp.issuer, matched: 'account_email' });
  });

  const refused: { name: string; claims: (r: { input: NewRequest }) => IdpClaims; reason: string }[] = [
    {
      name: 'an unverified email',
      claims: (r) => ({ email: r.input.email, email_verified: false }),
      reason: 'unverified_email',
    },
    { name: 'no email at all', claims: () => ({ name: 'Ada', preferred_username: 'ada' }), reason: 'no_email' },
    {
      name: "a stranger's verified email",
      claims: () => ({ email: `stranger.${Date.now()}@elsewhere.example.com`, email_verified: true }),
      reason: 'other_email',
    },
  ];
  for (const delivery of ['userinfo', 'id_token'] as const) {
    for (const refusal of refused) {
      it(`${refusal.name} (claims in ${delivery}) records nothing and says so without naming any account`, async () => {
        idp.configure({ delivery });
        const r = await verified({
          jurisdiction: 'US-CA',
          types: ['deletion'],
          accountEmail: `named.${Date.now()}@example.org`,
        });
        const { response } = await signInAs(r, refusal.claims(r));
        expectBackToStatus(response, r, 'sign-in-refused');
        expect(await methods(r.id)).toEqual(['email_link']);
        expect(await level(r.id)).toBe('email');
        expect(
          (await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).accountEmailVerifiedAt,
        ).toBeNull();
        expect(await refusals(r.id)).toEqual([refusal.reason]);
        const events = await db().auditEvent.findMany({ where: { requestId: r.id } });
        expect(JSON.stringify(events.map((e) => e.data))).not.toContain('@');
      });
    }
  }

  it('an answer from another issuer is refused, even with a verified email of the request', async () => {
    const r = await verified({ jurisdiction: 'US-CA', types: ['deletion'] });
    const login = `foreign-${Date.now()}`;
    idp.setAccount(login, { email: r.input.email, email_verified: true });
    // Discovered as REQUESTER_OIDC_ISSUER; then the same address answers as another issuer.
    const { authorizationUrl, cookie } = await startSignIn(r.id, r.status.token);
    idp.configure({ delivery: 'id_token', foreignIssuer: true });
    const response = await openCallback(await signInAtProvider(authorizationUrl, login), cookie);
    expectBackToStatus(response, r, 'sign-in-refused');
    expect(await methods(r.id)).toEqual(['email_link']);
    expect(await refusals(r.id)).toEqual(['invalid_response']);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { requestId: r.id, action: 'verification.account_sign_in_refused' },
    });
    expect(event.data).toEqual({
      reason: 'invalid_response',
      error: 'OAUTH_INVALID_RESPONSE',
      why: expect.stringMatching(/"iss" \(issuer\)/),
    });
  });

  it('a replayed answer records nothing more; an expired sign-in records nothing', async () => {
    const r = await verified({ jurisdiction: 'US-CA', types: ['deletion'] });
    const first = await signInAs(r, { email: r.input.email, email_verified: true });
    expectBackToStatus(first.response, r, 'signed-in');
    expectBackToStatus(await openCallback(first.callbackUrl, first.cookie), r, 'sign-in-expired');
    expect(await methods(r.id)).toEqual(['email_link', 'account_sign_in']);
    expect(await refusals(r.id)).toEqual(['replayed']);

    const late = await verified({ jurisdiction: 'US-CA', types: ['deletion'] });
    const login = `late-${Date.now()}`;
    idp.setAccount(login, { email: late.input.email, email_verified: true });
    const { authorizationUrl, cookie } = await startSignIn(late.id, late.status.token);
    const callbackUrl = await signInAtProvider(authorizationUrl, login);
    const result = await finishAccountSignIn({
      callbackUrl: new URL(callbackUrl),
      browserKey: cookie.split('=')[1],
      now: new Date(Date.now() + (SIGN_IN_MINUTES + 1) * 60_000),
    });
    expect(result).toEqual({ outcome: 'expired', statusPath: `/status/${late.id}?token=${late.status.token}` });
    expect(await methods(late.id)).toEqual(['email_link']);
    expect(await refusals(late.id)).toEqual(['expired']);
  });

  it("another browser cannot finish someone's sign-in, and an unknown state reveals no status link", async () => {
    const r = await verified({ jurisdiction: 'US-CA', types: ['deletion'] });
    const login = `victim-${Date.now()}`;
    idp.setAccount(login, { email: r.input.email, email_verified: true });
    const { authorizationUrl } = await startSignIn(r.id, r.status.token);
    const callbackUrl = await signInAtProvider(authorizationUrl, login);
    for (const cookie of [undefined, 'requester_sign_in=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      const response = await openCallback(callbackUrl, cookie);
      expect(response.status).toBe(400);
      const body = await response.text();
      expect(body).toContain('This sign-in cannot be finished here');
      expect(body).not.toContain(r.status.token);
    }
    expect(await methods(r.id)).toEqual(['email_link']);
    expect(await refusals(r.id)).toEqual(['other_browser', 'other_browser']);

    const unknown = await openCallback(`${signInRedirectUri()}?code=abc&state=not-a-state`);
    expect(unknown.status).toBe(400);
    // It belongs to no request, and anyone can make one up: not written to the audit log.
    expect(await refusals(null)).toEqual([]);
  });

  it('is not offered, and cannot be started, when REQUESTER_OIDC_* are unset', async () => {
    const r = await verified({ jurisdiction: 'US-CA', types: ['deletion'] });
    for (const name of REQUESTER_ENV) delete process.env[name];
    resetEnvCache();
    try {
      expect(env().requesterSignIn).toBeNull();
      const page = await (
        await statusPage(new Request(`http://portal.test/status/${r.id}?token=${r.status.token}`), {
          params: Promise.resolve({ id: r.id }),
        })
      ).text();
      expect(page).toContain('Prove who you are');
      expect(page).not.toContain('account-sign-in');
      const response = await startPost(
        new Request(`http://portal.test/status/${r.id}/account-sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token: r.status.token }),
        }),
        { params: Promise.resolve({ id: r.id }) },
      );
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toContain('notice=not-found');
      expect(await db().requesterSignIn.count()).toBe(0);
    } finally {
      Object.assign(process.env, {
        REQUESTER_OIDC_ISSUER: idp.issuer,
        REQUESTER_OIDC_CLIENT_ID: CLIENT.id,
        REQUESTER_OIDC_CLIENT_SECRET: CLIENT.secret,
        REQUESTER_OIDC_NAME: 'your Bitstride account',
      });
      resetEnvCache();
    }
  });
});
