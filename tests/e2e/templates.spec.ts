import { type Browser, expect, type Page, test } from '@playwright/test';
import { createSession, createStaff, sql } from './db';
import { linkIn, uniqueEmail, waitForEmail } from './support';

/**
 * axe over the editor, with the tags support.ts uses. The preview frame is left out: it is sandboxed
 * without scripts (as it must be), so axe cannot run inside it and would wait forever; the email in it
 * is the one sent, whose language and structure lib/email tests check.
 */
async function expectNoSeriousA11yViolations(page: Page) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  await page.waitForLoadState('load');
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .exclude('[data-testid="preview-frame"]')
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

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

// Spanish "deadline extended": it holds locked messages, and no other spec reads it. The test ends by
// putting the catalog's words back, so other specs' emails are unchanged.
const EDITOR = '/admin/templates?template=deadline-extended&locale=es-419';
const BODY = 'email.extended.body';

test('an admin rewords an email with a live preview, is refused an unknown variable, saves and reverts', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await createStaff('admin');
  const page = await signedIn(browser, admin.id);
  await page.goto(EDITOR);
  await expect(page.getByRole('heading', { level: 1, name: 'Email templates' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Deadline extended/ })).toBeVisible();
  const preview = page.frameLocator('[data-testid="preview-frame"]');
  await expect(preview.getByText(/Estamos trabajando en su solicitud de privacidad BR-2026-000123/)).toBeVisible();

  // Locked: shown with its source, no field to change it.
  await expect(page.getByTestId('locked-email.extended.disagree')).toContainText('locked');
  await expect(page.getByTestId('locked-email.extended.disagree')).toContainText('GDPR/UK GDPR Art. 12(3)');
  await expect(page.locator('textarea[name="email.extended.disagree"]')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // The preview follows the typing (the real template, sample data).
  const body = page.getByLabel(BODY);
  await expect(body).toContainText('{reference}');
  await body.fill(
    'Su solicitud {reference} necesita más tiempo: la responderemos el {newDueOn} (antes: {previousDueOn}).',
  );
  await expect(preview.getByText(/Su solicitud BR-2026-000123 necesita más tiempo: la responderemos el/)).toBeVisible();

  // An unknown variable: refused at the field, in the preview and on save; nothing saved.
  await body.fill('Su solicitud {reference} de {requesterName}: {newDueOn}, {previousDueOn}.');
  await expect(page.getByRole('alert').filter({ hasText: 'needs attention: nothing was saved' })).toBeVisible();
  await expect(page.getByText('Unknown variable {requesterName}.')).toBeVisible();
  await expect(body).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'needs attention: nothing was saved' })).toBeVisible();
  const saved = () =>
    sql<{ version: number }>(
      "SELECT version FROM email_template_version WHERE template = 'deadline-extended' AND locale = 'es-419' ORDER BY version",
    );
  const before = (await saved()).length;

  // Valid words: saved as a new version, shown in the table, audited.
  await body.fill(
    'Su solicitud {reference} necesita más tiempo: la responderemos el {newDueOn} (antes: {previousDueOn}).',
  );
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Saved as version \d+\./ })).toBeVisible();
  expect((await saved()).length).toBe(before + 1);
  const version = (await saved()).at(-1)!.version;
  await expect(page.getByRole('rowheader', { name: `${version} (in use)` })).toBeVisible();
  expect(
    await sql("SELECT 1 FROM audit_event WHERE action = 'email_template.saved' AND actor_id = $1", [admin.id]),
  ).toHaveLength(1);
  await expectNoSeriousA11yViolations(page);

  // Back to the catalog's words: a revert, saved as the next version.
  await page.getByRole('button', { name: 'Back to the catalog’s words' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Version 0 is back in use, saved as version ${version + 1}.` }),
  ).toBeVisible();
  await page.goto(EDITOR);
  await expect(page.getByLabel(BODY)).toContainText('Estamos trabajando en su solicitud');
});

test('without JavaScript, the Preview button renders the draft on the server', async ({ browser }) => {
  const admin = await createStaff('admin');
  const page = await signedIn(browser, admin.id, false);
  await page.goto(EDITOR);
  await page.getByLabel(BODY).fill('Vista previa sin JavaScript para {reference}: {newDueOn}, {previousDueOn}.');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(
    page.frameLocator('[data-testid="preview-frame"]').getByText(/Vista previa sin JavaScript para BR-2026-000123/),
  ).toBeVisible();
  // axe needs script in the page: the same page is read by axe with script on above.
  await expect(page.getByRole('button', { name: 'Save as a new version' })).toBeVisible();
});

test('reviewers cannot open the templates page', async ({ browser }) => {
  const reviewer = await createStaff('reviewer');
  const page = await signedIn(browser, reviewer.id);
  const response = await page.goto('/admin/templates');
  expect(response?.status()).toBe(403);
});

test('the request page fills a message with the standard words in the request’s language', async ({
  browser,
  request,
}) => {
  const email = uniqueEmail('standard');
  const filed = await request.post('/api/v1/requests', {
    data: { email, types: ['access'], jurisdiction: 'EU', confirm: true, locale: 'pt-BR' },
  });
  expect(filed.status()).toBe(201);
  const requester = await (await browser.newContext()).newPage();
  await requester.goto(linkIn(await waitForEmail(request, email, /./), /\/verify\?token=/));
  await requester.getByRole('button').first().click();
  await expect(requester).toHaveURL(/\/status\//);
  const { id } = await filed.json();

  const admin = await createStaff('admin');
  const page = await signedIn(browser, admin.id);
  await page.goto(`/admin/requests/${id}`);
  await page.getByText('Ask the requester').click();
  await page.getByLabel('What you need').selectOption('awaiting_identity');
  await page.getByRole('button', { name: 'Use the standard message' }).first().click();
  await expect(page.getByLabel('Message to the requester').first()).toHaveValue(
    /^Para garantir que seus dados sejam entregues somente a você/,
  );
});
