import { randomBytes } from 'node:crypto';
import { expect, test, type Browser } from '@playwright/test';
import { createSession, createStaff, sql } from './db';
import { expectNoSeriousA11yViolations, linkIn, uniqueEmail, waitForEmail } from './support';

async function signedIn(browser: Browser, userId: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  await context.addCookies([
    {
      name: 'next-auth.session-token',
      value: await createSession(userId),
      url: `http://127.0.0.1:${process.env.E2E_PORT ?? 3107}`,
    },
  ]);
  return context.newPage();
}

test('an admin adds a rule without JavaScript; a confirmed request then shows “Assigned by rule …” and its assignee is emailed', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const admin = await createStaff('admin');
  const reviewer = await createStaff('reviewer');
  const name = `Brazilian corrections ${randomBytes(3).toString('hex')}`;
  try {
    // The rules page, read by axe with script on.
    const scripted = await signedIn(browser, admin.id);
    await scripted.goto('/admin/rules');
    await expect(scripted.getByRole('heading', { level: 1, name: 'Assignment rules' })).toBeVisible();
    await expectNoSeriousA11yViolations(scripted);

    // Without JavaScript: the form posts, a refusal names its fields, then the rule is saved.
    const page = await signedIn(browser, admin.id, false);
    await page.goto('/admin/rules');
    const form = page.getByRole('form', { name: 'New assignment rule' });
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expect(page.getByRole('alert')).toContainText('Some fields need attention.');
    await expect(page.getByText('Give the rule a name')).toBeVisible();
    const newForm = page.getByRole('form', { name: 'New assignment rule' });
    await expect(newForm.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');

    await newForm.getByLabel('Name').fill(name);
    await newForm.getByRole('group', { name: 'Request types' }).getByLabel('Correction').check();
    await newForm.getByRole('group', { name: 'Regimes' }).getByLabel('Brazil').check();
    await newForm.getByLabel('One person').check();
    await newForm.getByRole('group', { name: 'People' }).getByLabel(reviewer.email, { exact: false }).check();
    await newForm.getByRole('button', { name: 'Add rule' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Rule “${name}” saved.` })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: new RegExp(name) })).toBeVisible();
    expect(
      await sql('SELECT action FROM audit_event WHERE action = $1 AND actor_id = $2', [
        'assignment_rule.created',
        admin.id,
      ]),
    ).toHaveLength(1);

    // A requester files a matching request and confirms it.
    const email = uniqueEmail('rules');
    const filed = await request.post('/api/v1/requests', {
      data: {
        email,
        name: 'Ana Souza',
        types: ['correction'],
        details: 'My postal address is out of date.',
        jurisdiction: 'BR',
        confirm: true,
      },
    });
    expect(filed.status()).toBe(201);
    const requester = await (await browser.newContext()).newPage();
    await requester.goto(
      linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/),
    );
    await requester.getByRole('button', { name: /confirm my request/i }).click();
    await expect(requester).toHaveURL(/\/status\//);
    const requestId = /\/status\/([0-9a-f-]{36})/.exec(requester.url())![1];

    // The workspace shows who and by which rule; the assignee is told by email.
    await scripted.goto(`/admin/requests/${requestId}`);
    const assignee = scripted.locator('dt', { hasText: 'Assignee' }).locator('xpath=following-sibling::dd[1]');
    await expect(assignee).toContainText('Test reviewer');
    await expect(assignee).toContainText(`Assigned by rule “${name}”`);
    await expectNoSeriousA11yViolations(scripted);
    const notice = await waitForEmail(request, reviewer.email, /was assigned to you/i);
    expect(linkIn(notice, /\/admin\/requests\//)).toContain(requestId);

    // With script, deleting the rule: the request keeps its assignee.
    await scripted.goto('/admin/rules');
    await scripted.getByRole('button', { name: `Delete ${name}` }).click();
    await expect(scripted.getByRole('status').filter({ hasText: 'Rule deleted.' })).toBeVisible();
    await expect(scripted.getByRole('rowheader', { name: new RegExp(name) })).toHaveCount(0);
    expect(await sql('SELECT assignee_id FROM privacy_request WHERE id = $1', [requestId])).toEqual([
      { assignee_id: reviewer.id },
    ]);
  } finally {
    await sql('DELETE FROM assignment_rule WHERE name = $1', [name]);
  }
});

test('without JavaScript, an admin sets and clears a reviewer’s leave on the staff page', async ({ browser }) => {
  const admin = await createStaff('admin');
  const reviewer = await createStaff('reviewer');
  const page = await signedIn(browser, admin.id, false);
  await page.goto('/admin/staff');
  const row = () => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: reviewer.email }) });
  const lastDay = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  await row().getByLabel('Last day away').fill(lastDay);
  await row()
    .getByRole('button', { name: /save the leave of/i })
    .click();
  await expect(row().getByRole('status')).toHaveText('Leave saved.');
  await expect(row().getByLabel('Last day away')).toHaveValue(lastDay);
  const [stored] = await sql<{ away_until: Date }>('SELECT away_until FROM staff_user WHERE id = $1', [reviewer.id]);
  expect(stored.away_until.getTime()).toBeGreaterThan(Date.parse(lastDay));

  await row().getByLabel('Last day away').fill('');
  await row()
    .getByRole('button', { name: /save the leave of/i })
    .click();
  await expect(row().getByRole('status')).toHaveText('Leave saved.');
  expect(await sql('SELECT away_until FROM staff_user WHERE id = $1', [reviewer.id])).toEqual([{ away_until: null }]);
  expect(
    await sql("SELECT action FROM audit_event WHERE actor_id = $1 AND action LIKE 'staff.away%' ORDER BY id", [
      admin.id,
    ]),
  ).toEqual([{ action: 'staff.away_set' }, { action: 'staff.away_cleared' }]);

  const scripted = await signedIn(browser, admin.id);
  await scripted.goto('/admin/staff');
  await expectNoSeriousA11yViolations(scripted);
});

test('a rule on a tag assigns a confirmed request once staff tag it on its page', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const admin = await createStaff('admin');
  const reviewer = await createStaff('reviewer');
  const suffix = randomBytes(3).toString('hex');
  const name = `Press office ${suffix}`;
  const tag = `press-${suffix}`;
  try {
    // The rule, saved without JavaScript: a tag condition only.
    const rules = await signedIn(browser, admin.id, false);
    await rules.goto('/admin/rules');
    const form = rules.getByRole('form', { name: 'New assignment rule' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Tags (optional)').fill(`${tag}, other-${suffix}`);
    await form.getByLabel('One person').check();
    await form.getByRole('group', { name: 'People' }).getByLabel(reviewer.email, { exact: false }).check();
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expect(rules.getByRole('status').filter({ hasText: `Rule “${name}” saved.` })).toBeVisible();
    const row = rules.getByRole('row').filter({ has: rules.getByRole('rowheader', { name: new RegExp(name) }) });
    await expect(row).toContainText(`Tags: any of ${tag}, other-${suffix}`);

    // A confirmed request without the tag: the rule leaves it alone.
    const email = uniqueEmail('tags');
    const filed = await request.post('/api/v1/requests', {
      data: {
        email,
        name: 'Tam Nguyen',
        types: ['access'],
        details: 'A journalist asking what you hold on them.',
        jurisdiction: 'US-CA',
        confirm: true,
      },
    });
    expect(filed.status()).toBe(201);
    const requester = await (await browser.newContext()).newPage();
    await requester.goto(
      linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/),
    );
    await requester.getByRole('button', { name: /confirm my request/i }).click();
    await expect(requester).toHaveURL(/\/status\//);
    const requestId = /\/status\/([0-9a-f-]{36})/.exec(requester.url())![1];
    expect(await sql('SELECT assignee_id FROM privacy_request WHERE id = $1', [requestId])).toEqual([
      { assignee_id: null },
    ]);

    // On the request page: a malformed tag is refused with the format it breaks; the right one assigns.
    const page = await signedIn(browser, admin.id);
    await page.goto(`/admin/requests/${requestId}`);
    const tags = page.getByRole('region', { name: 'Tags' });
    await expect(tags).toContainText('No tags yet.');
    await tags.getByLabel('Tag', { exact: true }).fill('Press Office');
    await tags.getByRole('button', { name: 'Add tag' }).click();
    await expect(tags.getByRole('alert')).toContainText('lowercase letters, digits and single hyphens');
    await expect(tags.getByLabel('Tag', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await tags.getByLabel('Tag', { exact: true }).fill(tag);
    await tags.getByRole('button', { name: 'Add tag' }).click();
    await expect(tags.getByRole('status')).toHaveText(`Tag ${tag} added.`);
    await expect(tags.getByRole('button', { name: `Remove tag ${tag}` })).toBeVisible();
    await page.reload();
    const assignee = page.locator('dt', { hasText: 'Assignee' }).locator('xpath=following-sibling::dd[1]');
    await expect(assignee).toContainText(`Assigned by rule “${name}”`);
    expect(await sql('SELECT assignee_id FROM privacy_request WHERE id = $1', [requestId])).toEqual([
      { assignee_id: reviewer.id },
    ]);
    await expectNoSeriousA11yViolations(page);

    // The queue filtered by the tag, without JavaScript: this request alone; typed in capitals it
    // still finds it. A tag of no tag's format stays in the field with why, and filters nothing.
    const queue = await signedIn(browser, admin.id, false);
    await queue.goto('/admin');
    const filters = queue.getByRole('form', { name: 'Filter the queue' });
    await filters.getByLabel('Tag', { exact: true }).fill(tag.toUpperCase());
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(queue).toHaveURL(new RegExp(`[?&]tag=${tag}(&|$)`));
    await expect(queue.getByRole('heading', { name: '1 request' })).toBeVisible();
    await queue.getByRole('link', { name: `Requests tagged ${tag}` }).click();
    await expect(queue.getByRole('heading', { name: '1 request' })).toBeVisible();
    await expect(filters.getByLabel('Tag', { exact: true })).toHaveValue(tag);
    await filters.getByLabel('Tag', { exact: true }).fill('Press Office');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(filters.getByLabel('Tag', { exact: true })).toHaveValue('press office');
    await expect(filters.getByLabel('Tag', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(filters).toContainText('lowercase letters, digits and single hyphens');
    // axe runs as a script: the same page, in a context that runs them.
    const checked = await signedIn(browser, admin.id);
    await checked.goto(queue.url());
    await expect(checked.getByLabel('Tag', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yViolations(checked);

    // Removing the tag (audited); the assignment stays.
    await tags.getByRole('button', { name: `Remove tag ${tag}` }).click();
    await expect(tags.getByRole('status')).toHaveText(`Tag ${tag} removed.`);
    await expect(tags.getByRole('button', { name: `Remove tag ${tag}` })).toHaveCount(0);
    expect(
      await sql('SELECT action, data FROM audit_event WHERE request_id = $1 AND action LIKE $2 ORDER BY id', [
        requestId,
        'request.tag_%',
      ]),
    ).toEqual([
      { action: 'request.tag_added', data: { tag } },
      { action: 'request.tag_removed', data: { tag } },
    ]);
    expect(await sql('SELECT assignee_id FROM privacy_request WHERE id = $1', [requestId])).toEqual([
      { assignee_id: reviewer.id },
    ]);
  } finally {
    await sql('DELETE FROM assignment_rule WHERE name = $1', [name]);
  }
});
