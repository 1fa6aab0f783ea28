/**
 * The JSON API as a client integrator meets it: the document fetched from the production build
 * validates, and the answers of the running server (through Next's routing and proxy.ts) match it,
 * by method, path and status (tests/support/openapi-contract.ts).
 */
import { validate } from '@readme/openapi-parser';
import { expect, test } from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { checkResponse, useContractDocument } from '../support/openapi-contract-core';
import { linkIn, uniqueEmail, waitForEmail } from './support';

const api = (path: string, init?: RequestInit) => fetch(`${baseURL}${path}`, init);
const postJson = (body: unknown) =>
  api('/api/v1/requests', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

test('the served document validates, and the server answers as it says', async ({ request }) => {
  const served = await api('/api/v1/openapi.json');
  expect(served.status).toBe(200);
  const doc = await served.clone().json();
  expect((await validate(structuredClone(doc))).valid).toBe(true);
  useContractDocument(doc);
  await checkResponse('GET', '/api/v1/openapi.json', served);

  const email = uniqueEmail('openapi');
  const created = await postJson({ email, types: ['unsubscribe'], jurisdiction: 'UK', confirm: true });
  expect(created.status).toBe(201);
  await checkResponse('POST', '/api/v1/requests', created);

  const blank = await postJson({
    email: uniqueEmail('openapi'),
    accountEmail: '',
    types: ['access'],
    jurisdiction: 'UK',
    confirm: true,
  });
  expect(blank.status).toBe(422);
  await checkResponse('POST', '/api/v1/requests', blank);

  const notJson = await api('/api/v1/requests', {
    method: 'POST',
    body: 'email=a@b.co',
    headers: { 'content-type': 'text/plain' },
  });
  expect(notJson.status).toBe(415);
  await checkResponse('POST', '/api/v1/requests', notJson);

  const malformed = await api('/api/v1/requests', {
    method: 'POST',
    body: '{"email": ',
    headers: { 'content-type': 'application/json' },
  });
  expect(malformed.status).toBe(400);
  await checkResponse('POST', '/api/v1/requests', malformed);

  // The status token, obtained as the document says: from the link emailed to the requester.
  const link = new URL(linkIn(await waitForEmail(request, email, /./), /\/status\/[0-9a-f-]{36}\?token=/));
  const id = link.pathname.split('/').pop() as string;
  const status = await api(`/api/v1/requests/${id}?token=${link.searchParams.get('token')}`);
  expect(status.status).toBe(200);
  expect(status.headers.get('cache-control')).toContain('no-store');
  await checkResponse('GET', `/api/v1/requests/${id}`, status);

  const wrong = await api(`/api/v1/requests/${id}?token=${'A'.repeat(43)}`);
  expect(wrong.status).toBe(404);
  await checkResponse('GET', `/api/v1/requests/${id}`, wrong);

  const health = await api('/api/health');
  expect(health.status).toBe(200);
  await checkResponse('GET', '/api/health', health);
});
