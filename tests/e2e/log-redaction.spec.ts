/**
 * A full requester journey, then the server's whole log (debug level, copied to a file by
 * scripts/run-app.ts) must hold none of what the requester typed, nor any of their secret links.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { linkIn, uniqueEmail, waitForEmail } from './support';

const LOG_FILE = `.data/e2e-${process.env.E2E_PG_PORT ?? '54351'}/server.log`;

test('a full journey writes none of the submitted values, and no token, to the log', async ({ page, request }) => {
  test.setTimeout(90_000);
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const subject = uniqueEmail('logsubject');
  const agentEmail = uniqueEmail('logagent');
  const accountEmail = uniqueEmail('logaccount');
  const values = {
    name: `Zebulon Quixote${stamp}`,
    agentName: `Agatha Proxyworth${stamp}`,
    details: `My loyalty card number is LC-${stamp} and my street is Quillfeather Lane`,
  };

  // The web form, for someone else, with every field.
  await page.goto('/');
  await page.getByRole('checkbox', { name: /on behalf of someone else/i }).check();
  await page.getByLabel(/your name \(the agent\)/i).fill(values.agentName);
  await page.getByLabel(/your email address \(the agent\)/i).fill(agentEmail);
  await page.getByRole('radio', { name: /signed permission/i }).check();
  await page.getByLabel(/^the document/i).setInputFiles({
    name: 'permission.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  await page.getByRole('textbox', { name: /email address of the person/i }).fill(subject.toUpperCase());
  await page.getByLabel(/full name/i).fill(values.name);
  await page.getByLabel(/account email/i).fill(accountEmail);
  await page.getByLabel(/where you live/i).selectOption('US-CA');
  await page.getByRole('checkbox', { name: /correction/i }).check();
  await page.getByLabel(/^details/i).fill(values.details);
  await page.getByRole('checkbox', { name: /confirm|accurate/i }).check();
  await page.getByRole('button', { name: /send request/i }).click();
  await expect(page).toHaveURL(/\/submitted\//);
  const submissionToken = new URL(page.url()).searchParams.get('token')!;

  // Confirm, read the status page and the JSON status, withdraw.
  const verification = await waitForEmail(request, subject, /did you ask/i);
  const verifyUrl = linkIn(verification, /\/verify\?token=/);
  await page.goto(verifyUrl);
  await page.getByRole('button', { name: /confirm my request/i }).click();
  await expect(page).toHaveURL(/\/status\/[0-9a-f-]{36}\?token=/);
  const statusUrl = new URL(page.url());
  const statusToken = statusUrl.searchParams.get('token')!;
  const api = await request.get(`/api/v1/requests${statusUrl.pathname.replace('/status', '')}?token=${statusToken}`);
  expect(api.status()).toBe(200);
  await page.getByLabel(/yes, withdraw this request/i).check();
  await page.getByRole('button', { name: /withdraw my request/i }).click();
  await expect(page.getByText(/you withdrew this request/i).first()).toBeVisible();
  await waitForEmail(request, subject, /withdrawn/i);

  // And the JSON API, including a rejected body that echoes personal data.
  const apiEmail = uniqueEmail('logapi');
  const created = await request.post('/api/v1/requests', {
    data: { email: apiEmail, name: values.name, types: ['access'], jurisdiction: 'UK', confirm: true },
  });
  expect(created.status()).toBe(201);
  const rejected = await request.post('/api/v1/requests', {
    data: { email: apiEmail, name: values.name, details: values.details, types: ['nope'], confirm: true },
  });
  expect(rejected.status()).toBe(422);
  await waitForEmail(request, apiEmail, /confirm your privacy request/i);

  // Delivery is logged after the outbox row is marked sent: give the worker a moment to write it.
  await expect
    .poll(
      () =>
        readFileSync(LOG_FILE, 'utf8')
          .split('\n')
          .filter((l) => l.includes('email delivered')).length,
      { timeout: 10_000 },
    )
    .toBeGreaterThanOrEqual(4);
  const log = readFileSync(LOG_FILE, 'utf8');
  const lower = log.toLowerCase();
  const secrets = {
    subject,
    agentEmail,
    accountEmail,
    apiEmail,
    ...values,
    nameFragment: `Quixote${stamp}`,
    detailsFragment: `LC-${stamp}`,
    street: 'Quillfeather Lane',
    submissionToken,
    statusToken,
    verificationToken: new URL(verifyUrl).searchParams.get('token')!,
  };
  for (const [label, value] of Object.entries(secrets)) {
    expect(lower.includes(value.toLowerCase()), `${label} appears in the log`).toBe(false);
  }
  // The log is not empty: the journey was logged, with what is safe to log.
  expect(log).toMatch(/"msg":"email delivered"/);
  expect(log).toMatch(/"to":"\[redacted\]"/);
});
