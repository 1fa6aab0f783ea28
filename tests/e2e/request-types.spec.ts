import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, uniqueEmail, waitForEmail } from './support';

/**
 * One request type per right (docs/rights-law.md "One request type per right"): each split type is
 * filed on the form in Chromium and acted on at receipt in its own words; the rights only some
 * regimes give show once such a regime is chosen (lib/universal/regional-rights.ts).
 */
async function fileOnForm(page: Page, options: { email: string; jurisdiction: string; type: RegExp }) {
  await page.goto('/');
  await page.getByRole('textbox', { name: /^your email address/i }).fill(options.email);
  await page.getByLabel(/where you live/i).selectOption(options.jurisdiction);
  await page.getByRole('checkbox', { name: options.type }).check();
  await page.getByRole('checkbox', { name: /confirm|accurate/i }).check();
  await page.getByRole('button', { name: /send|submit|make (the|my) request/i }).click();
  await expect(page).toHaveURL(/\/submitted\//);
}

const SPLIT = [
  {
    type: /^unsubscribe/i,
    jurisdiction: 'UK',
    noun: 'unsubscribe request',
    says: /we stop sending marketing email to this address/i,
  },
  {
    type: /^opt out of the sale or sharing/i,
    jurisdiction: 'US-CA',
    noun: 'opt-out of sale or sharing',
    says: /we do not sell your personal information .* we have recorded your opt-out/i,
  },
  {
    type: /^limit the use of my sensitive/i,
    jurisdiction: 'US-CA',
    noun: 'request to limit the use of sensitive personal information',
    says: /we use your sensitive personal information only as the law allows/i,
  },
  {
    type: /^objection/i,
    jurisdiction: 'EU',
    noun: 'objection',
    says: /we stop the processing you object to, unless we have compelling legitimate grounds/i,
  },
];

for (const split of SPLIT)
  test(`the form files ${split.noun} (${split.jurisdiction}), acted on at receipt in its own words`, async ({
    page,
    request,
  }) => {
    const email = uniqueEmail(split.noun.split(' ')[0]);
    await fileOnForm(page, { email, jurisdiction: split.jurisdiction, type: split.type });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`We are acting on your ${split.noun}`);
    await expect(page.getByText(split.says)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    const confirmation = await waitForEmail(request, email, new RegExp(`we are acting on your ${split.noun}`, 'i'));
    expect(confirmation.text).toMatch(split.says);
  });

test('the form shows opting out of sale in US regimes and limiting sensitive data in California only', async ({
  page,
}) => {
  await page.goto('/');
  const optOutSale = page.getByRole('checkbox', { name: /^opt out of the sale or sharing/i });
  const limit = page.getByRole('checkbox', { name: /^limit the use of my sensitive/i });
  const where = page.getByLabel(/where you live/i);
  await expect(page.getByRole('checkbox', { name: /^unsubscribe/i })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^objection/i })).toBeVisible();
  await expect(optOutSale).toBeHidden();
  await expect(limit).toBeHidden();
  await where.selectOption('US-VA');
  await expect(optOutSale).toBeVisible();
  await expect(limit).toBeHidden();
  await expect(page.getByText(/does not sell your personal information .* You can still opt out/)).toBeVisible();
  await where.selectOption('US-CA');
  await expect(limit).toBeVisible();
  await where.selectOption('EU');
  await expect(optOutSale).toBeHidden();
  await expect(limit).toBeHidden();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the server refuses a right the chosen regime does not give, and says why', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('textbox', { name: /^your email address/i }).fill(uniqueEmail('limit-uk'));
    await page.getByLabel(/where you live/i).selectOption('US-CA');
    await page.getByRole('checkbox', { name: /^limit the use of my sensitive/i }).check();
    await page.getByLabel(/where you live/i).selectOption('UK');
    // Still shown while ticked, so it can be unticked.
    await expect(page.getByRole('checkbox', { name: /^limit the use of my sensitive/i })).toBeVisible();
    await page.getByRole('checkbox', { name: /confirm|accurate/i }).check();
    await page.getByRole('button', { name: /send|submit|make (the|my) request/i }).click();
    await expect(page.getByText(/The law where you live does not give every right you chose/).first()).toBeVisible();
    await expect(page).not.toHaveURL(/\/submitted\//);
  });
});
