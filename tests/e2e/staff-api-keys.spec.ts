/**
 * /admin/api-keys with staff scopes, in Chromium against the production build: an admin creates a key
 * that acts as a reviewer, is refused a scope beyond that role, and the key shown once works on the
 * running server's staff API (through Next's routing and proxy.ts), as the OpenAPI document says.
 */
import { expect, test } from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { checkResponse, useContractDocument } from '../support/openapi-contract-core';
import { createSession, createStaff, sql } from './db';
import { expectNoSeriousA11yViolations } from './support';

test('an admin creates a staff key acting as a reviewer, and it works only within that role', async ({ browser }) => {
  const admin = await createStaff('admin');
  const reviewer = await createStaff('reviewer');
  const context = await browser.newContext();
  await context.addCookies([{ name: 'next-auth.session-token', value: await createSession(admin.id), url: baseURL }]);
  const page = await context.newPage();
  await page.goto('/admin/api-keys');
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const create = page.getByRole('region', { name: 'Create a key' });
  const name = `Ticketing ${Date.now()}`;
  await create.getByLabel('Name (which system uses it)').fill(name);
  await create.getByLabel(/^requests:read/).check();
  await create.getByLabel(/^requests:assign/).check();
  await create
    .getByLabel('Acts as (for staff scopes)')
    .selectOption({ label: `Test reviewer (${reviewer.email}), reviewer` });
  await create.getByRole('button', { name: 'Create key' }).click();
  const key = await create.getByLabel(/^New key/).inputValue();
  expect(key).toMatch(/^bsk_[a-f0-9]{12}_/);
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText(reviewer.email);

  // A key never does more than its member's role: a viewer cannot add notes in the workspace.
  const viewer = await createStaff('viewer');
  await page.reload();
  await create.getByLabel('Name (which system uses it)').fill(`Viewer bot ${Date.now()}`);
  await create.getByLabel(/^notes:write/).check();
  await create
    .getByLabel('Acts as (for staff scopes)')
    .selectOption({ label: `Test viewer (${viewer.email}), viewer` });
  await create.getByRole('button', { name: 'Create key' }).click();
  await expect(create.getByText(/Beyond the viewer role: notes:write/)).toBeVisible();

  const doc = await (await fetch(`${baseURL}/api/v1/openapi.json`)).json();
  useContractDocument(doc);
  const list = await fetch(`${baseURL}/api/v1/staff/requests`, { headers: { authorization: `Bearer ${key}` } });
  expect(list.status).toBe(200);
  await checkResponse('GET', '/api/v1/staff/requests', list);
  const note = await fetch(`${baseURL}/api/v1/staff/requests/${crypto.randomUUID()}/notes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ body: 'Not in scope' }),
  });
  expect(note.status).toBe(403);
  await checkResponse('POST', new URL(note.url).pathname, note);

  const [audit] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_event WHERE action = 'staff-api.called' AND data->>'keyName' = $1`,
    [name],
  );
  expect(audit.n).toBe(2);
});
