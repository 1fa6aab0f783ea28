import { expect, test } from '@playwright/test';
import { createStaff, sql } from './db';
import { linkIn, waitForEmail } from './support';

test('a sign-in link works once, is stored only hashed, and signing in and out is audited', async ({
  browser,
  request,
}) => {
  const reviewer = await createStaff('reviewer');
  const first = await (await browser.newContext()).newPage();
  await first.goto('/admin/sign-in');
  await first.getByLabel(/work email address/i).fill(reviewer.email);
  await first.getByRole('button', { name: /email me a sign-in link/i }).click();
  const link = linkIn(await waitForEmail(request, reviewer.email, /sign in to the/i), /\/api\/auth\/callback\/email/);
  const token = new URL(link).searchParams.get('token')!;
  const stored = await sql<{ token: string }>('SELECT token FROM staff_login_token WHERE identifier = $1', [
    reviewer.email,
  ]);
  expect(stored.length).toBe(1);
  expect(stored[0].token).not.toBe(token);
  expect(stored[0].token).toMatch(/^[0-9a-f]{64}$/);

  await first.goto(link);
  await expect(first).toHaveURL(/\/admin$/);
  await expect(first.getByText(reviewer.email).first()).toBeVisible();
  expect(await sql('SELECT 1 FROM staff_login_token WHERE identifier = $1', [reviewer.email])).toEqual([]);

  // The same link again, from another browser: refused.
  const second = await (await browser.newContext()).newPage();
  await second.goto(link);
  await expect(second).toHaveURL(/\/admin\/sign-in/);
  await expect(second.getByText(/not valid any more/i)).toBeVisible();

  await first.getByRole('button', { name: /sign out/i }).click();
  await expect(first).toHaveURL(/\/admin\/sign-in/);
  await expect
    .poll(async () =>
      (
        await sql<{ action: string }>(
          "SELECT action FROM audit_event WHERE actor_id = $1 AND action LIKE 'staff.signed_%' ORDER BY id",
          [reviewer.id],
        )
      ).map((r) => r.action),
    )
    .toEqual(['staff.signed_in', 'staff.signed_out']);
  expect(await sql('SELECT 1 FROM staff_session WHERE user_id = $1', [reviewer.id])).toEqual([]);
});
