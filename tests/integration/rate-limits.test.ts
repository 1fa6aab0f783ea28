import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { GET as statusRoute } from '../../app/api/v1/requests/[id]/route';
import { resetEnvCache } from '../../lib/env';
import { getRequestStatus } from '../../lib/requests/get-request-status';
import { submitRequest } from '../../lib/requests/submit-request';
import { resendVerification } from '../../lib/verification/resend-verification';
import { verifyRequest } from '../../lib/verification/verify-request';
import { db } from '../../lib/db';
import { checkedByContract } from '../support/openapi-contract';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { postApiRequest } from '../support/api-requests';

const LIMITS = {
  RATE_LIMIT_SUBMIT_PER_IP: '4',
  RATE_LIMIT_SUBMIT_PER_EMAIL: '2',
  RATE_LIMIT_RESEND_PER_IP: '2',
  RATE_LIMIT_FAILED_LOOKUPS_PER_IP: '3',
  MAX_UNVERIFIED_PER_EMAIL: '10',
};

beforeAll(() => {
  Object.assign(process.env, LIMITS);
  resetEnvCache();
});
afterAll(() => {
  for (const key of Object.keys(LIMITS)) delete process.env[key];
  resetEnvCache();
});
beforeEach(resetDatabase);

const getRequest = checkedByContract(statusRoute);

const post = (body: unknown, ip: string) => postApiRequest(body, { 'x-forwarded-for': ip });

it('limits submissions per email address: 429 with Retry-After and a message, nothing stored', async () => {
  const body = aRequest();
  expect((await post(body, '198.51.100.1')).status).toBe(201);
  expect((await post(body, '198.51.100.2')).status).toBe(201);
  const refused = await post(body, '198.51.100.3');
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);
  expect((await refused.json()).error.message).toMatch(/Too many requests have been made for this email address/);
  expect(await db().privacyRequest.count()).toBe(2);
  // The counters hold a keyed hash of the address, never the address.
  const keys = (await db().rateLimit.findMany()).map((r) => r.key).join(' ');
  expect(keys).not.toContain(body.email);
});

it('limits submissions per network address, whatever the email', async () => {
  for (let i = 0; i < 4; i++) expect((await post(aRequest(), '203.0.113.50')).status).toBe(201);
  expect((await post(aRequest(), '203.0.113.50')).status).toBe(429);
  expect((await post(aRequest(), '203.0.113.51')).status).toBe(201);
});

it('limits verification re-sends per network address', async () => {
  const created = await submitRequest({ input: aRequest(), channel: 'web' });
  const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
  await resendVerification({
    requestId: created.id,
    submissionToken: created.submissionToken,
    ip: '192.0.2.9',
    now: later(2),
  });
  await resendVerification({
    requestId: created.id,
    submissionToken: created.submissionToken,
    ip: '192.0.2.9',
    now: later(4),
  });
  await expect(
    resendVerification({
      requestId: created.id,
      submissionToken: created.submissionToken,
      ip: '192.0.2.9',
      now: later(6),
    }),
  ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
});

it('wrong status links count against the address; the right link is never refused', async () => {
  const input = aRequest();
  await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  const link = await latestStatusLink(input.email);
  const ip = '192.0.2.77';
  for (let i = 0; i < 3; i++)
    await expect(getRequestStatus({ requestId: link.requestId, token: 'Z'.repeat(43), ip })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  await expect(getRequestStatus({ requestId: link.requestId, token: 'Y'.repeat(43), ip })).rejects.toMatchObject({
    code: 'RATE_LIMITED',
  });
  // The requester, on the same network, following the emailed link, still gets in.
  expect((await getRequestStatus({ ...link, ip })).status).toBe('verified');
  const api = await getRequest(
    new Request(`http://portal.test/api/v1/requests/${link.requestId}?token=${'X'.repeat(43)}`, {
      headers: { 'x-forwarded-for': ip },
    }),
    { params: Promise.resolve({ id: link.requestId }) },
  );
  expect(api.status).toBe(429);
  expect(api.headers.get('retry-after')).toBeTruthy();
});
