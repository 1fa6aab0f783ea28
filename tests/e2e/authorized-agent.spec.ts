/**
 * An authorized agent files for someone with JavaScript off (the form posts multipart, its file
 * included), the person confirms or refuses from their own inbox, and the agent follows on its own
 * read-only page.
 */
import { expect, type Page, test } from '@playwright/test';
import { linkIn, uniqueEmail, waitForEmail } from './support';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test.use({ javaScriptEnabled: false });

async function fileAsAgent(page: Page, who: { person: string; agent: string }, withProof: boolean) {
  await page.goto('/');
  await page.getByRole('checkbox', { name: /on behalf of someone else/i }).check();
  await page.getByLabel(/your name \(the agent\)/i).fill('Agatha Agent');
  await page.getByLabel(/your email address \(the agent\)/i).fill(who.agent);
  await page.getByRole('radio', { name: /signed permission/i }).check();
  if (withProof)
    await page
      .getByLabel(/^the document/i)
      .setInputFiles({ name: 'permission.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('textbox', { name: /email address of the person/i }).fill(who.person);
  await page.getByLabel(/where you live/i).selectOption('US-CA');
  await page.getByRole('checkbox', { name: /export/i }).check();
  await page.getByRole('checkbox', { name: /confirm|accurate/i }).check();
  await page.getByRole('button', { name: /send request/i }).click();
}

test('without proof the form comes back with the reason', async ({ page }) => {
  const who = { person: uniqueEmail('agent-noproof-person'), agent: uniqueEmail('agent-noproof') };
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/');
  await fileAsAgent(page, who, false);
  expect((await answer).status()).toBe(422);
  await expect(page.getByText(/authorized agent must send proof/i).first()).toBeVisible();
});

test('with signed permission: the person confirms with copies, the agent follows read-only', async ({
  page,
  request,
}) => {
  const who = { person: uniqueEmail('agent-person'), agent: uniqueEmail('agent') };
  await fileAsAgent(page, who, true);
  await expect(page).toHaveURL(/\/submitted\//);

  // The person, not the agent, is asked.
  const ask = await waitForEmail(request, who.person, /did you ask agatha agent/i);
  await page.goto(linkIn(ask, /\/verify\?token=/));
  await expect(page.getByRole('heading', { name: /did you ask agatha agent to act for you/i })).toBeVisible();
  await page.getByRole('checkbox', { name: /send agatha agent a copy/i }).check();
  await page.getByRole('button', { name: /yes, i asked them/i }).click();
  await expect(page).toHaveURL(/\/status\/[0-9a-f-]{36}\?token=/);
  await expect(page.getByRole('heading', { name: /your privacy request/i })).toBeVisible();

  // The agent: its own link, a copy of the receipt pointing to the same read-only page.
  const link = await waitForEmail(request, who.agent, /you made is with our team/i);
  const copy = await waitForEmail(request, who.agent, /we have your privacy request/i);
  const agentPage = linkIn(link, /\/status\/[0-9a-f-]{36}\/agent\?token=/);
  expect(linkIn(copy, /\/status\/[0-9a-f-]{36}\/agent\?token=/)).toBe(agentPage);
  await page.goto(agentPage);
  await expect(page.getByRole('heading', { name: /made by you as an authorized agent/i })).toBeVisible();
  await expect(page.getByText(/goes to the person only/i)).toBeVisible();
  await expect(page.locator('form')).toHaveCount(0);
});

test('the person refuses: the request closes and the agent is told', async ({ page, request }) => {
  const who = { person: uniqueEmail('agent-refuse-person'), agent: uniqueEmail('agent-refused') };
  await fileAsAgent(page, who, true);
  await expect(page).toHaveURL(/\/submitted\//);
  const ask = await waitForEmail(request, who.person, /did you ask agatha agent/i);
  await page.goto(linkIn(ask, /\/verify\?token=/));
  await page.getByRole('button', { name: /i did not ask anyone/i }).click();
  await expect(page.getByRole('heading', { name: /we closed the request/i })).toBeVisible();
  await waitForEmail(request, who.agent, /closed: not authorized/i);
});
