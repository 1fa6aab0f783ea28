/**
 * Every token and secret the portal hands out or keeps survives a rotation of both keys
 * (docs/decisions/022): made under APP_SECRET A (its storage key derived from A), used while B is
 * current and A still read, and again after the re-key run has finished and A is gone. next-auth is
 * driven through its own core handler (the same one its route runs) and proxy.ts is called as Next
 * calls it, so the cookies are the ones a browser would carry.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { NextRequest } from 'next/server';
import type { NextAuthOptions } from 'next-auth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { proxy } from '../../proxy';
import { createApiKey } from '../../lib/api-keys/create-api-key';
import { authOptions } from '../../lib/auth/auth-options';
import { staffIdentity } from '../../lib/auth/current-staff';
import { csrfCookieName } from '../../lib/auth/csrf-token';
import { db } from '../../lib/db';
import { drpSubmissionToken } from '../../lib/drp/drp-status';
import { env, keyId } from '../../lib/env';
import { sealedTextKeyId } from '../../lib/security/sealed-text';
import { getSubmittedOptOut } from '../../lib/requests/get-submitted-opt-out';
import { submitRequest } from '../../lib/requests/submit-request';
import { createWebhookEndpoint } from '../../lib/webhooks/create-webhook-endpoint';
import { openWebhookSecret } from '../../lib/webhooks/webhook-secret';
import { confirmAccountEmail } from '../../lib/verification/confirm-account-email';
import { sendAccountEmailProof } from '../../lib/verification/send-account-email-proof';
import { verifyRequest } from '../../lib/verification/verify-request';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { keyRotation, SECRET_A } from '../support/key-rotation';
import { STAFF_API_OPERATIONS, staffApiRequest } from '../support/staff-api';
import { aStaffMember } from '../support/staff';

/**
 * next-auth's core handler, which its App Router route wraps with `next/headers` (only inside a
 * request Next serves). The package does not export the path, so it is found beside its main file.
 */
type AuthResponse = {
  redirect?: string;
  body?: unknown;
  cookies?: { name: string; value: string }[];
};
const require = createRequire(import.meta.url);
const nextAuthCore = path.join(path.dirname(require.resolve('next-auth')), 'core');
const { AuthHandler } = require(path.join(nextAuthCore, 'index.js')) as {
  AuthHandler(params: { req: Request; options: NextAuthOptions }): Promise<AuthResponse>;
};
type OauthCheck = {
  create(options: unknown, cookies: { name: string; value: string }[], params: Record<string, string>): Promise<void>;
  use(
    cookies: Record<string, string>,
    resCookies: unknown[],
    options: unknown,
    checks: Record<string, string>,
  ): Promise<void>;
};
const oauthChecks = require(path.join(nextAuthCore, 'lib/oauth/checks.js')) as Record<
  'state' | 'pkce' | 'nonce',
  OauthCheck
>;

const rotation = keyRotation();
const { keys, rotateAndRekey } = rotation;
const STORAGE_B = rotation.storageB;
const beforeRotation = rotation.phases.before;
// A fixed instant for what the tests mean by "now" (links' lifetimes are counted from it).
const NOW = new Date(Date.now() - 60_000);

beforeEach(async () => {
  keys.set(beforeRotation);
  await resetDatabase();
  await db().rekeyRun.deleteMany();
});
afterEach(() => keys.restore());

describe('requesters’ links', () => {
  it('a DRP request’s confirmation page opens from the status object’s link before, during and after', async () => {
    // As lib/drp/submit-drp-request.ts files it: the page's token is derived, never stored.
    const id = crypto.randomUUID();
    const input = aRequest({ jurisdiction: 'US-CA', types: ['opt_out_sale'] });
    await submitRequest({ input, channel: 'drp', id, submissionToken: drpSubmissionToken(id), now: NOW });
    const opens = async (token: string) =>
      (await getSubmittedOptOut({ requestId: id, submissionToken: token })) !== null;
    const before = drpSubmissionToken(id);
    expect(await opens(before)).toBe(true);

    keys.set(rotation.phases.during);
    // The agent keeps showing the link it was given, and the status object now gives another.
    expect(await opens(before)).toBe(true);
    expect(await opens(drpSubmissionToken(id))).toBe(true);

    await rotateAndRekey();
    expect(await opens(drpSubmissionToken(id))).toBe(true);
    expect(await opens(`${'x'.repeat(43)}`)).toBe(false);
  });

  /** A verified request naming an account email, and the token of the proof link sent to it. */
  async function pendingProof() {
    const input = aRequest({ accountEmail: `account.${Date.now()}@example.com` });
    const created = await submitRequest({ input, channel: 'web', now: NOW });
    await verifyRequest({ token: await latestVerificationToken(input.email) });
    const status = await latestStatusLink(input.email);
    await sendAccountEmailProof({ requestId: created.id, statusToken: status.token, now: NOW });
    const mail = await db().outboxEmail.findFirstOrThrow({ where: { template: 'prove-account-email' } });
    return { created, token: /account-email\?token=([A-Za-z0-9_-]{43})/.exec(mail.text)![1] };
  }

  it('an account-email proof sent before the rotation still proves the address after the old key is gone', async () => {
    const { created, token } = await pendingProof();

    await rotateAndRekey();
    expect(await confirmAccountEmail({ token, now: new Date(NOW.getTime() + 60_000) })).toEqual({ outcome: 'proven' });
    expect(
      (await db().privacyRequest.findUniqueOrThrow({ where: { id: created.id } })).accountEmailVerifiedAt,
    ).not.toBe(null);
  });

  it('re-keying never makes a proof sent to an earlier account email prove the one named now', async () => {
    const { created, token } = await pendingProof();
    await db().privacyRequest.update({
      where: { id: created.id },
      data: { accountEmail: `someone.else.${Date.now()}@example.com` },
    });

    await rotateAndRekey();
    expect(await confirmAccountEmail({ token, now: new Date(NOW.getTime() + 60_000) })).toEqual({
      outcome: 'request-closed',
    });
  });
});

describe('integrations’ secrets', () => {
  it('a webhook endpoint’s signing secret is re-sealed under the new storage key and still opens', async () => {
    const admin = (await staffIdentity((await aStaffMember('admin')).id))!;
    const endpoint = await createWebhookEndpoint({
      staff: admin,
      input: { name: 'Ticketing', url: 'https://hooks.example.com/privacy', events: ['request.created'] },
    });
    const sealedBefore = (await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).secretSealed;

    await rotateAndRekey();
    const sealedAfter = (await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).secretSealed;
    expect(sealedAfter).not.toBe(sealedBefore);
    expect(sealedTextKeyId(sealedAfter)).toBe(keyId(Buffer.from(STORAGE_B, 'base64')));
    expect(openWebhookSecret(sealedAfter)).toBe(endpoint.secret);
  });

  it('a staff API key made before the rotation still authenticates after it', async () => {
    const admin = (await staffIdentity((await aStaffMember('admin')).id))!;
    const { key } = await createApiKey({ staff: admin, input: { name: 'Reports', scopes: ['requests:read'] } });
    const list = STAFF_API_OPERATIONS.find((o) => o.name === 'list')!;

    await rotateAndRekey();
    const res = await list.handler(...staffApiRequest(list, { key }));
    expect(res.status).toBe(200);
  });
});

describe('staff sign-in (next-auth)', () => {
  const csrfName = csrfCookieName(false);
  const cookieHeader = (cookies: Record<string, string>) =>
    Object.entries(cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');

  async function auth(method: 'GET' | 'POST', path: string, cookies: Record<string, string>, body?: unknown) {
    const res = await AuthHandler({
      options: authOptions(),
      req: new Request(`http://portal.test/api/auth/${path}`, {
        method,
        headers: { cookie: cookieHeader(cookies), 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    });
    return {
      redirect: res.redirect ?? '',
      body: res.body as Record<string, unknown> | undefined,
      cookies: Object.fromEntries((res.cookies ?? []).map((c) => [c.name, c.value])),
    };
  }

  /** The CSRF cookie the sign-in page's visit gets from proxy.ts, and its token. */
  async function csrfFromSignInPage() {
    const res = await proxy(new NextRequest('http://portal.test/admin/sign-in'));
    const value = res.cookies.get(csrfName)!.value;
    return { value, token: value.split('|')[0] };
  }

  /** A POST to next-auth as it reaches the route handler: through proxy.ts, with the cookies it passes on. */
  async function throughProxy(path: string, cookies: Record<string, string>, method = 'POST') {
    const res = await proxy(
      new NextRequest(`http://portal.test/api/auth/${path}`, {
        method,
        headers: { cookie: cookieHeader(cookies) },
      }),
    );
    const passed = res.headers.get('x-middleware-request-cookie') ?? cookieHeader(cookies);
    return Object.fromEntries(
      passed.split(/;\s*/).map((pair) => {
        const at = pair.indexOf('=');
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
    );
  }

  async function askForLink(email: string, csrf: { value: string; token: string }) {
    const res = await auth('POST', 'signin/email', await throughProxy('signin/email', { [csrfName]: csrf.value }), {
      email,
      csrfToken: csrf.token,
    });
    expect(res.redirect).not.toContain('csrf=true');
    const mail = await db().outboxEmail.findFirstOrThrow({
      where: { to: email, template: 'staff-sign-in' },
      orderBy: { createdAt: 'desc' },
    });
    return new URL(/https?:\/\/\S+callback\/email\S+/.exec(mail.text)![0]).searchParams.get('token')!;
  }

  async function signInWith(token: string) {
    const res = await auth('GET', `callback/email?token=${token}`, {});
    expect(res.redirect).not.toMatch(/error=/);
    return res.cookies['next-auth.session-token'];
  }

  it('a sign-in link emailed before the rotation signs in after the old key is gone', async () => {
    const reviewer = await aStaffMember('reviewer');
    const token = await askForLink(reviewer.email, await csrfFromSignInPage());

    await rotateAndRekey();
    const session = await signInWith(token);
    expect(session).toBeTruthy();
    expect((await auth('GET', 'session', { 'next-auth.session-token': session })).body).toMatchObject({
      user: { email: reviewer.email },
    });
  });

  it('a session begun before the rotation carries on after it', async () => {
    const reviewer = await aStaffMember('reviewer');
    const session = await signInWith(await askForLink(reviewer.email, await csrfFromSignInPage()));

    await rotateAndRekey();
    expect((await auth('GET', 'session', { 'next-auth.session-token': session })).body).toMatchObject({
      user: { email: reviewer.email, id: reviewer.id },
    });
  });

  it('a sign-in form served before the rotation still posts while the old secret is read', async () => {
    const reviewer = await aStaffMember('reviewer');
    const csrf = await csrfFromSignInPage();

    keys.set(rotation.phases.during);
    const token = await askForLink(reviewer.email, csrf);
    expect(await signInWith(token)).toBeTruthy();
    // The visit after the rotation gets its cookie re-signed under the new secret: same token, so an open form still posts.
    const page = await proxy(
      new NextRequest('http://portal.test/admin/sign-in', { headers: { cookie: `${csrfName}=${csrf.value}` } }),
    );
    const resigned = page.cookies.get(csrfName)?.value;
    expect(resigned?.split('|')[0]).toBe(csrf.token);
    expect(resigned).not.toBe(csrf.value);
  });

  it('a single sign-on round trip begun before the rotation passes next-auth’s state, PKCE and nonce checks after it', async () => {
    // next-auth's own check code (core/lib/oauth/checks.js), as its sign-in and callback routes call it.
    const options = () => ({
      provider: { id: 'oidc', checks: ['state', 'pkce', 'nonce'] },
      cookies: {
        state: { name: 'next-auth.state', options: {} },
        pkceCodeVerifier: { name: 'next-auth.pkce.code_verifier', options: {} },
        nonce: { name: 'next-auth.nonce', options: {} },
      },
      jwt: { secret: env().APP_SECRET },
      logger: { debug() {} },
    });
    const made: { name: string; value: string }[] = [];
    const sent: Record<string, string> = {};
    for (const check of [oauthChecks.state, oauthChecks.pkce, oauthChecks.nonce])
      await check.create(options(), made, sent);
    expect(made).toHaveLength(3);

    keys.set(rotation.phases.during);
    const back = Object.fromEntries(made.map((c) => [c.name, c.value]));
    const passed = await throughProxy(`callback/oidc?state=${sent.state}&code=c`, back, 'GET');
    const checks: Record<string, string> = {};
    for (const check of [oauthChecks.state, oauthChecks.pkce, oauthChecks.nonce])
      await check.use(passed, [], options(), checks);
    expect(checks.state).toBe(sent.state);
    expect(checks.nonce).toBe(sent.nonce);
    expect(checks.code_verifier).toEqual(expect.any(String));

    // A cookie made under a secret the portal does not know is passed on as it came, and refused.
    keys.set({ ...rotation.phases.during, APP_SECRET_PREVIOUS: SECRET_A.replace('a-', 'c-') });
    const refused = await throughProxy('callback/oidc?code=c', back, 'GET');
    expect(refused['next-auth.state']).toBe(back['next-auth.state']);
    await expect(oauthChecks.state.use(refused, [], options(), {})).rejects.toThrow();
  });
});
