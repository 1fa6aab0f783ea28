import { beforeEach, describe, expect, it } from 'vitest';
import { POST as postRequestForm } from '../../app/(public)/route';
import { formStartedStamp } from '../../lib/abuse/form-guard';
import { db } from '../../lib/db';
import { env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { expireUnverifiedRequest } from '../../lib/requests/expire-unverified-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { verifyRequest } from '../../lib/verification/verify-request';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestVerificationToken } from '../support/requests';
import { postApiRequest } from '../support/api-requests';

beforeEach(resetDatabase);

const post = (body: unknown) => postApiRequest(body);

describe('the cap on unconfirmed requests per email address', () => {
  it('refuses one more with 429, Retry-After and a human message, and stores nothing', async () => {
    const max = env().MAX_UNVERIFIED_PER_EMAIL;
    const email = `capped.${Date.now()}@example.com`;
    for (let i = 0; i < max; i += 1) expect((await post({ ...aRequest({ email }) })).status).toBe(201);
    const refused = await post({ ...aRequest({ email: email.toUpperCase() }) });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60);
    expect((await refused.json()).error.message).toMatch(/waiting to be confirmed/);
    expect(await db().privacyRequest.count({ where: { email } })).toBe(max);
    expect(await db().outboxEmail.count({ where: { to: email } })).toBe(max);
  });

  it('frees a place as soon as the requester follows a link they received', async () => {
    const max = env().MAX_UNVERIFIED_PER_EMAIL;
    const email = `follows.${Date.now()}@example.com`;
    for (let i = 0; i < max; i += 1) await submitRequest({ input: aRequest({ email }), channel: 'web' });
    await expect(submitRequest({ input: aRequest({ email }), channel: 'web' })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    const verified = await verifyRequest({ token: await latestVerificationToken(email) });
    expect(verified.outcome).toBe('verified');
    await expect(submitRequest({ input: aRequest({ email }), channel: 'web' })).resolves.toMatchObject({
      status: 'unverified',
    });
  });

  it('frees a place when a request expires, and hands out the lowest free place next', async () => {
    const max = env().MAX_UNVERIFIED_PER_EMAIL;
    const email = `expires.${Date.now()}@example.com`;
    const submitted = [];
    for (let i = 0; i < max; i += 1)
      submitted.push(await submitRequest({ input: aRequest({ email }), channel: 'web' }));
    const places = async () =>
      (
        await db().privacyRequest.findMany({
          where: { email },
          orderBy: { number: 'asc' },
          select: { status: true, unverifiedSlot: true },
        })
      ).map((r) => `${r.status}:${r.unverifiedSlot}`);
    expect(await places()).toEqual(Array.from({ length: max }, (_, i) => `unverified:${i + 1}`));
    await expect(submitRequest({ input: aRequest({ email }), channel: 'web' })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });

    // The first request's link runs out: the request expires and its place (1) is free again.
    await expireUnverifiedRequest({
      requestId: submitted[0].id,
      now: new Date(Date.now() + (env().verificationTtlHours + 1) * 3600_000),
    });
    expect((await places())[0]).toBe('denied:null');
    await expect(submitRequest({ input: aRequest({ email }), channel: 'web' })).resolves.toMatchObject({
      status: 'unverified',
    });
    expect((await places()).at(-1)).toBe('unverified:1');
    await expect(submitRequest({ input: aRequest({ email }), channel: 'web' })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
  });

  it('holds under concurrent posts for one address', async () => {
    const max = env().MAX_UNVERIFIED_PER_EMAIL;
    const email = `race.${Date.now()}@example.com`;
    const results = await Promise.allSettled(
      Array.from({ length: max + 5 }, () => submitRequest({ input: aRequest({ email }), channel: 'api' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(max);
    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refusals.every((r) => r.reason instanceof AppError && r.reason.code === 'RATE_LIMITED')).toBe(true);
    expect(await db().privacyRequest.count({ where: { email } })).toBe(max);
  });

  it('does not count other addresses', async () => {
    for (let i = 0; i < 5; i += 1) expect((await post(aRequest())).status).toBe(201);
  });
});

describe('the request form’s post (POST /)', () => {
  const formPost = (email: string, headers: Record<string, string>) =>
    postRequestForm(
      new Request('http://portal.test/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams([
          ['email', email],
          ['jurisdiction', 'UK'],
          ['types', 'access'],
          ['confirm', 'on'],
          ['formStartedAt', formStartedStamp(new Date(Date.now() - 60_000))],
        ]),
      }),
    );

  it('is refused from another site’s page (its Origin), as Next.js refused the server action, and stores nothing', async () => {
    for (const origin of ['https://elsewhere.example', 'null', 'http://portal.test.elsewhere.example']) {
      const email = `crosssite.${Date.now()}@example.com`;
      const res = await formPost(email, { origin, host: 'portal.test' });
      expect(res.status, origin).toBe(403);
      expect((await res.json()).error.message).toMatch(/from its page/);
      expect(await db().privacyRequest.count({ where: { email } })).toBe(0);
    }
  });

  it('is accepted from its own page (Origin of this host, also behind a proxy) and from clients that send no Origin', async () => {
    const cases: Record<string, string>[] = [
      { origin: 'http://portal.test', host: 'portal.test' },
      { origin: 'https://privacy.example', 'x-forwarded-host': 'privacy.example', host: '10.0.0.5:3000' },
      {},
    ];
    for (const headers of cases) {
      const email = `ownsite.${Date.now()}.${Math.random()}@example.com`;
      const res = await formPost(email, headers);
      expect(res.status, JSON.stringify(headers)).toBe(303);
      expect(res.headers.get('location')).toMatch(/^\/submitted\//);
      expect(await db().privacyRequest.count({ where: { email } })).toBe(1);
    }
  });
});

describe('the benchmark baseline route', () => {
  it('is off unless BENCH_ROUTES=true', async () => {
    const { POST } = await import('../../app/api/bench/bare/route');
    const res = await POST(new Request('http://portal.test/api/bench/bare', { method: 'POST', body: '{}' }));
    expect(res.status).toBe(404);
  });
});
