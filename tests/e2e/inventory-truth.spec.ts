import { randomBytes, randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createSession, createStaff, sql } from './db';
import { expectNoSeriousA11yViolations } from './support';

/**
 * The inventory page holds what the Art. 15 supplement may say (issue #14 §10): the retention periods
 * no admin has confirmed, listed to confirm, and each recipient's transfer safeguard (GDPR Art. 15(2),
 * 15(1)(d)). The rows are inactive so that no other test's requests get tasks from them.
 */
test('an admin confirms a listed retention period and records the safeguard of a recipient’s transfer', async ({
  browser,
}) => {
  const suffix = randomBytes(4).toString('hex');
  const systemName = `Archive ${suffix}`;
  const recipientName = `Mail vendor ${suffix}`;
  const systemId = randomUUID();
  await sql(
    `INSERT INTO data_system (id, key, name, kind, active, updated_at) VALUES ($1, $2, $3, 'manual', false, now())`,
    [systemId, `archive-${suffix}`, systemName],
  );
  await sql(
    `INSERT INTO data_category (id, system_id, name, purposes, legal_basis, recipients, retention, source)
     VALUES ($1, $2, 'Old invoices', ARRAY['Accounting'], 'Legal obligation', ARRAY[]::text[], '7 years', 'You')`,
    [randomUUID(), systemId],
  );
  await sql(
    `INSERT INTO data_recipient (id, key, name, role, categories, contact, active, updated_at)
     VALUES ($1, $2, $3, 'processor', ARRAY['Old invoices'], 'dpo@vendor.test', false, now())`,
    [randomUUID(), `mail-${suffix}`, recipientName],
  );
  const admin = await createStaff('admin');
  const context = await browser.newContext();
  await context.addCookies([
    { name: 'next-auth.session-token', value: await createSession(admin.id), url: test.info().project.use.baseURL! },
  ]);
  const page = await context.newPage();
  await page.goto('/admin/inventory');

  const toConfirm = page.getByRole('region', { name: 'Retention periods to confirm' });
  await expect(toConfirm.getByText(`${systemName}, Old invoices: 7 years`)).toBeVisible();
  await toConfirm.getByRole('button', { name: `Confirm the retention of Old invoices in ${systemName}` }).click();
  await expect(page.getByText(`${systemName}, Old invoices: 7 years`)).toHaveCount(0);

  const recipients = page.getByRole('region', { name: 'Recipients' });
  await expect(recipients.getByRole('row', { name: new RegExp(recipientName) })).toContainText('Not recorded yet');
  await recipients
    .getByLabel(`Transfer safeguard for ${recipientName}`)
    .selectOption({ label: "Standard contractual clauses (European Commission's)" });
  await recipients.getByLabel(`Destination country for ${recipientName}`).fill('United States');
  await recipients.getByRole('button', { name: `Save the transfer of ${recipientName}` }).click();
  await expect(page.getByText('Transfer saved.')).toBeVisible();
  await expect(recipients.getByRole('row', { name: new RegExp(recipientName) })).toContainText(
    "Standard contractual clauses (European Commission's) (United States)",
  );
  await expectNoSeriousA11yViolations(page);

  const [saved] = await sql<{ transfer_safeguard: string; transfer_country: string }>(
    'SELECT transfer_safeguard, transfer_country FROM data_recipient WHERE name = $1',
    [recipientName],
  );
  expect(saved).toEqual({ transfer_safeguard: 'sccs', transfer_country: 'United States' });
  await context.close();
});
