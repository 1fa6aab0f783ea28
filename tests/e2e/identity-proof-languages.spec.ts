/**
 * The proofs of identity on the status page in the request's language (French here), with
 * JavaScript off: the questions (a month answered in French), the declaration under penalty of
 * perjury, the document upload. No English is left in the section, and axe finds nothing serious.
 */
import { expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import { E2E_DATABASE_URL, sql } from './db';
import { expectNoSeriousA11yViolations, linkIn, uniqueEmail, waitForEmail } from './support';

const DEMO_URL = E2E_DATABASE_URL.replace(/\/portal$/, '/bitstride_demo');

async function anAccount(email: string, organization: string) {
  const client = new pg.Client({ connectionString: DEMO_URL });
  await client.connect();
  try {
    await client.query(
      "INSERT INTO accounts (email, name, organization, card_last4, created_at) VALUES ($1, 'Ada Exemple', $2, '6021', '2025-03-14T09:26:53Z')",
      [email, organization],
    );
    await client.query("INSERT INTO api_keys (account_email, key_prefix, label) VALUES ($1, 'bs_live_9e2d', 'prod')", [
      email,
    ]);
  } finally {
    await client.end();
  }
}

/** A French request's status page, reached from its French verification email, with no script. */
async function frenchStatusPage(
  browser: import('@playwright/test').Browser,
  request: import('@playwright/test').APIRequestContext,
  email: string,
) {
  const res = await request.post('/api/v1/requests', {
    data: { email, name: 'Ada Exemple', types: ['access'], jurisdiction: 'US-CA', confirm: true, locale: 'fr' },
  });
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  // The browser asks for English: the request's language wins.
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(linkIn(await waitForEmail(request, email, /^Confirmez votre demande/), /\/verify\?token=/));
  await page.getByRole('button', { name: 'Confirmer ma demande' }).click();
  await expect(page).toHaveURL(/\/status\//);
  return { id: id as string, page };
}

/** axe runs as a script: it checks the same page in a context that allows one. */
async function axeClean(page: Page) {
  const checker = await (await page.context().browser()!.newContext()).newPage();
  await checker.goto(page.url());
  await expectNoSeriousA11yViolations(checker);
  await checker.context().close();
}

async function expectNoEnglishIn(page: Page) {
  const section = page.locator('section[aria-labelledby="identity-title"]');
  await expect(section).toBeVisible();
  expect(await section.locator('[lang="en"]').count()).toBe(0);
  const text = (await section.textContent()) ?? '';
  for (const english of ['Prove who you are', 'Questions about your account', 'Send us a document', 'answers'])
    expect(text).not.toContain(english);
}

test('questions and the declaration, in French', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('proof-fr');
  const organization = `Wombat Conseil ${Date.now()}`;
  await anAccount(email, organization);
  const { id, page } = await frenchStatusPage(browser, request, email);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Prouvez votre identité' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Questions sur votre compte' })).toBeVisible();
  await expect(page.getByText(/il nous faut le niveau « certitude élevée »/)).toBeVisible();
  await expectNoEnglishIn(page);
  await axeClean(page);

  // Wrong answers: the French notice, nothing typed comes back.
  await page.getByLabel(/^Le nom de l’organisation de votre compte/).fill('Bandicoot Partenaires');
  await page.getByRole('button', { name: 'Vérifier mes réponses' }).click();
  await expect(page.getByText('Trop peu de vos réponses correspondent à nos données.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Un problème est survenu' })).toBeVisible();
  await axeClean(page);

  // Two right answers, the month written in French.
  await page.getByLabel(/^Le mois de création de votre compte/).fill('mars 2025');
  await page.getByLabel(/^Les 12 premiers caractères de l’une de vos clés d’API/).fill('bs_live_9e2d');
  await page.getByRole('button', { name: 'Vérifier mes réponses' }).click();
  await expect(page.getByText('suffisamment de vos réponses correspondent à nos données')).toBeVisible();

  // The declaration, worded in French as the same oath under California law.
  await expect(page.getByRole('heading', { name: 'Signer une déclaration' })).toBeVisible();
  await expectNoEnglishIn(page);
  await axeClean(page);
  await page.getByRole('button', { name: 'Signer la déclaration' }).click();
  await expect(page.getByText('Cochez la case pour faire la déclaration.').first()).toBeVisible();
  await page.getByLabel(/^Votre nom complet/).fill('ada exemple');
  await page
    .getByLabel(
      'Je déclare sous peine de parjure, en vertu des lois de l’État de Californie, que je suis le consommateur dont les informations personnelles font l’objet de la présente demande.',
    )
    .check();
  await page.getByRole('button', { name: 'Signer la déclaration' }).click();
  await expect(page.getByRole('heading', { name: 'Prouvez votre identité' })).toHaveCount(0);

  const [row] = await sql<{ verification_level: string }>(
    'SELECT verification_level::text FROM privacy_request WHERE id = $1',
    [id],
  );
  expect(row.verification_level).toBe('high');
});

test('a document sent from the French page, and what became of it', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const { page } = await frenchStatusPage(browser, request, uniqueEmail('evidence-fr'));
  await expect(page.getByRole('heading', { name: 'Envoyez-nous un document' })).toBeVisible();
  await page.getByRole('button', { name: 'Envoyer le document' }).click();
  await expect(page.getByRole('heading', { name: 'Un problème est survenu' })).toBeVisible();
  await page.getByLabel('Une pièce d’identité').check();
  await page.getByLabel(/^Fichier \(PDF, JPEG ou PNG, \d+ Mo au maximum\)/).setInputFiles({
    name: 'passeport.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% e2e passeport\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'),
  });
  await page.getByRole('button', { name: 'Envoyer le document' }).click();
  await expect(page.getByTestId('evidence-outcome')).toHaveText('En attente de notre examen');
  await expect(page.getByText(/^Document envoyé le /)).toBeVisible();
  await expectNoEnglishIn(page);
  await axeClean(page);
});
