import { generateKeyPairSync } from 'node:crypto';
import { expect, test, type Browser } from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { createSession, createStaff, sql } from './db';
import { expectNoSeriousA11yViolations } from './support';

async function signedIn(browser: Browser, role: 'admin' | 'reviewer') {
  const staff = await createStaff(role);
  const context = await browser.newContext();
  await context.addCookies([{ name: 'next-auth.session-token', value: await createSession(staff.id), url: baseURL }]);
  return context.newPage();
}

test('an admin adds a DRP agent and disables it; a reviewer cannot open the page', async ({ browser }) => {
  const page = await signedIn(browser, 'admin');
  const id = `E2E_AGENT_${Date.now()}`;
  const raw = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  await page.goto('/admin/drp-agents');
  await expect(page.getByRole('heading', { level: 1, name: 'DRP agents' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const add = page.getByRole('region', { name: 'Add an agent' });
  await add.getByLabel('Directory id').fill(id);
  await add.getByLabel('Name').fill('E2E agent');
  await add.getByLabel('Verify key').fill(raw.toString('base64'));
  await add.getByRole('button', { name: 'Add agent' }).click();
  await expect(add.getByRole('status')).toHaveText('Agent saved.');
  const row = page.getByRole('row', { name: new RegExp(id) });
  await expect(row).toContainText('Added here');
  await expect(row).toContainText('Enabled');
  await expect(row).toContainText('Refused');

  await page.getByText('Edit E2E agent').click();
  const edit = page.locator('details', { hasText: 'Edit E2E agent' });
  await edit.getByLabel(/^Enabled/).uncheck();
  await edit.getByRole('button', { name: 'Save agent' }).click();
  await expect(page.getByRole('row', { name: new RegExp(id) })).toContainText('Disabled');
  const [audit] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_event WHERE action IN ('drp.agent.created', 'drp.agent.updated') AND data->>'agentId' = $1`,
    [id],
  );
  expect(audit.n).toBe(2);

  const reviewer = await signedIn(browser, 'reviewer');
  const res = await reviewer.goto('/admin/drp-agents');
  expect(res?.status()).toBe(403);
});
