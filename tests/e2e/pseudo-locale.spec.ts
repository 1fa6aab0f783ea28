import { type Browser, expect, type Page, test } from '@playwright/test';
import Holidays from 'date-holidays';
import { createSession, createStaff } from './db';
import { linkIn, uniqueEmail, waitForEmail } from './support';

/**
 * The pseudo-locale (`?lang=en-XA`: every catalog message accented and 40 % longer) on every public
 * page a requester passes through. Any run of three plain English words left on the page is text
 * that does not come from the catalogs. Text another language is declared on (`lang="en"`: the
 * switcher's language names, the parts not yet translated) is left out, as a screen reader would
 * read it in that language. A phone-width window shows whether the longer words overflow.
 */

/** Visible text outside elements whose own `lang` differs from the page's, without names and addresses. */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, [hidden], .honeypot')) continue;
      if (parent.closest('[lang]')?.getAttribute('lang') !== pageLang) continue;
      if (!parent.checkVisibility()) continue;
      out.push(node.textContent ?? '');
    }
    return out.join(' ');
  });
}

/**
 * England's public holidays are named as the English calendar names them (date-holidays): the
 * pseudo-locale has no names of its own, so it reads the English ones.
 */
const HOLIDAY_NAMES = [new Date().getFullYear(), new Date().getFullYear() + 1]
  .flatMap((year) => new Holidays('GB', 'ENG').getHolidays(year).map((h) => h.name))
  .sort((a, b) => b.length - a.length);

/** Runs of three or more plain ASCII words: English the pseudo-locale did not reach. */
function englishLeft(text: string): string[] {
  const cleaned = HOLIDAY_NAMES.reduce((t, name) => t.split(name).join(' '), text)
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .replace(/\bBR-\d{4}-\d{6}\b/g, ' ')
    .replace(/\bBitstride\b/g, ' ');
  return cleaned.match(/\b[A-Za-z]{2,}(?:[ ,.'’:;-]+[A-Za-z]{2,}){2,}\b/g) ?? [];
}

async function expectFullyTranslated(page: Page, where: string) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
  expect(englishLeft(await pageText(page)), where).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${where}: wider than the window`).toBeLessThanOrEqual(0);
}

test.use({ viewport: { width: 360, height: 740 } });

test('the detector finds English (the check itself)', () => {
  expect(englishLeft('Ŵé ŕéçéîṽéð ýöûŕ ŕéǫûéšţ and then some words')).toEqual(['and then some words']);
  expect(englishLeft('Ŵé ŕéçéîṽéð BR-2026-000001 Bitstride legal@bitstride.xyz')).toEqual([]);
});

test('every page of the journey is in the pseudo-locale, with nothing overflowing', async ({ page, request }) => {
  await page.goto('/?lang=en-XA');
  await expectFullyTranslated(page, 'the form');

  // The island's errors, then the server's (the same words): a refused form.
  await expect(page.locator('#request-form[data-ready]')).toBeAttached();
  await page.locator('form.request-form button[type="submit"]').click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expectFullyTranslated(page, 'the form with the browser’s errors');

  const email = uniqueEmail('pseudo');
  await page.locator('#field-email').fill(email);
  await page.locator('#field-jurisdiction').selectOption('UK');
  await page.locator('#field-types-access').check();
  await page.locator('#field-confirm').check();
  await page.locator('form.request-form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/submitted\//);
  await expectFullyTranslated(page, 'the confirmation page');

  // A request is never filed in the pseudo-locale: its email is English, its pages follow the cookie.
  const verification = await waitForEmail(request, email, /^Confirm your privacy request/);
  await page.goto(linkIn(verification, /\/verify\?token=/));
  await expectFullyTranslated(page, 'the verification page');
  await page.locator('main button[type="submit"]').click();
  await expect(page).toHaveURL(/\/status\//);
  await page.goto(`${page.url()}&lang=en-XA`);
  await expectFullyTranslated(page, 'the status page');
  // The deadline's step-by-step explanation (lib/deadlines/steps.ts), opened.
  await page.locator('details:has([data-testid="deadline-steps"]) > summary').click();
  await expect(page.getByTestId('deadline-steps')).toBeVisible();
  await expectFullyTranslated(page, 'the status page with the deadline explained');

  await page.goto('/verify?token=not-a-token&lang=en-XA');
  await expectFullyTranslated(page, 'an invalid link');
});

test('the resend pages, the account-email confirmation and the refusals of a stray post are in the pseudo-locale', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // "Send the email again" on the confirmation page: its notice after the post (sent, or too soon).
  const email = uniqueEmail('pseudo-resend');
  const accountEmail = uniqueEmail('pseudo-account');
  await page.goto('/?lang=en-XA');
  await expect(page.locator('#request-form[data-ready]')).toBeAttached();
  await page.locator('#field-email').fill(email);
  await page.locator('#field-jurisdiction').selectOption('EU');
  await page.locator('#field-types-access').check();
  await page.locator('#field-accountEmail').fill(accountEmail);
  await page.locator('#field-confirm').check();
  await page.locator('form.request-form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/submitted\//);
  await page.locator('form[action$="/resend"] button[type="submit"]').click();
  await expect(page).toHaveURL(/notice=/);
  await expect(page.locator('form[action$="/resend"] .notice')).toBeVisible();
  await expectFullyTranslated(page, 'the confirmation page after “send the email again”');

  // "Send me a new link" from a used link: the verification page's resend, and its notice. A link sent
  // again replaces the first: wait for it before taking the newest.
  const verificationEmails = async () =>
    ((await (await request.get('/api/dev/mailbox')).json()) as { to: string; subject: string }[]).filter(
      (m) => m.to === email && /^Confirm your privacy request/.test(m.subject),
    ).length;
  await expect
    .poll(verificationEmails, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(/notice=sent\b/.test(page.url()) ? 2 : 1);
  const verifyUrl = linkIn(await waitForEmail(request, email, /^Confirm your privacy request/), /\/verify\?token=/);
  await page.goto(verifyUrl);
  await page.locator('main button[type="submit"]').first().click();
  await expect(page).toHaveURL(/\/status\//);
  const statusUrl = page.url();
  await page.goto(`${verifyUrl}&result=used`);
  await expectFullyTranslated(page, 'a used verification link');
  await page.locator('form[action="/verify/resend"] button[type="submit"]').click();
  await expect(page.locator('form[action="/verify/resend"] .notice')).toBeVisible();
  await expectFullyTranslated(page, 'a used verification link after “send me a new link”');

  // The account email: the status page's link, then the page its email opens, before and after its button.
  // The status page speaks the request's language (English) unless the link names another: each post
  // comes back to it without one, so the page is opened again in the pseudo-locale, notice and all.
  await page.goto(`${statusUrl}&lang=en-XA`);
  await page.locator('form[action$="/account-email"] button[type="submit"]').click();
  await expect(page).toHaveURL(/notice=account-link-sent/);
  await page.goto(`${page.url()}&lang=en-XA`);
  await expect(page.locator('form[action$="/account-email"] .notice--success')).toBeVisible();
  await expectFullyTranslated(page, 'the status page after “email a link to my account email”');
  await page.locator('form[action$="/account-email"] button[type="submit"]').click();
  await expect(page).toHaveURL(/notice=rate-limited/);
  await page.goto(`${page.url()}&lang=en-XA`);
  await expect(page.locator('form[action$="/account-email"] .error-summary')).toBeVisible();
  await expectFullyTranslated(page, 'the status page asking for another account-email link too soon');

  const proofUrl = linkIn(
    await waitForEmail(request, accountEmail, /confirm this address/i),
    /\/verify\/account-email\?token=/,
  );
  await page.goto(proofUrl);
  await expectFullyTranslated(page, 'the account-email confirmation');
  await page.locator('main form button[type="submit"]').click();
  await expect(page).toHaveURL(/result=proven/);
  await expectFullyTranslated(page, 'the account email confirmed');
  await page.goto(proofUrl);
  await page.locator('main form button[type="submit"]').click();
  await expect(page).toHaveURL(/result=(used|already-proven)/);
  await expectFullyTranslated(page, 'the account-email link used again');

  // Posts that never came from one of our forms answer in the page's language too (the cookie's).
  const refusals = [
    await page.request.post('/status/not-a-request/account-email', { form: { token: 'a'.repeat(43) } }),
    await page.request.post('/verify/account-email/confirm', { data: { token: 'a'.repeat(43) } }),
    await page.request.post('/submitted/not-a-request/resend', { form: { token: 'a'.repeat(43) } }),
    await page.request.post('/verify/resend', { data: {} }),
  ];
  expect(refusals.map((r) => r.status())).toEqual([404, 400, 404, 400]);
  for (const refusal of refusals) {
    const { error } = await refusal.json();
    expect(error.message).toMatch(/[^\p{ASCII}]/u);
    expect(englishLeft(error.message), error.message).toEqual([]);
  }

  await page.goto('/no-such-page?lang=en-XA');
  await expectFullyTranslated(page, 'an address with no page');
});

/** A browser signed in as a new admin (sessions are made directly: sign-in has its own test). */
async function signedInAdmin(browser: Browser) {
  const admin = await createStaff('admin');
  const context = await browser.newContext();
  await context.addCookies([
    {
      name: 'next-auth.session-token',
      value: await createSession(admin.id),
      url: `http://127.0.0.1:${process.env.E2E_PORT ?? 3107}`,
    },
  ]);
  return context.newPage();
}

test('a refusal’s notices and the timeline are in the pseudo-locale, and in French with the GDPR’s own terms', async ({
  browser,
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('pseudo-denied');
  const res = await request.post('/api/v1/requests', {
    data: { email, name: 'Ada Refused', types: ['access'], jurisdiction: 'UK', confirm: true },
  });
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  await page.goto(linkIn(await waitForEmail(request, email, /confirm your privacy request/i), /\/verify\?token=/));
  await page.getByRole('button', { name: /confirm my request/i }).click();
  await expect(page).toHaveURL(/\/status\//);
  const statusUrl = page.url();

  // Staff's own words go as written: a code, so that what is left is the portal's.
  const admin = await signedInAdmin(browser);
  await admin.goto(`/admin/requests/${id}`);
  await admin.locator('summary', { hasText: 'Deny' }).click();
  await admin.locator('#deny-reason').selectOption('exempt');
  await admin.locator('#deny-basis').fill('ZZ-BASIS-0001');
  await admin.locator('#deny-message').fill('ZZ-MESSAGE-0000000001');
  await admin.getByRole('button', { name: 'Deny and tell the requester' }).click();
  await expect(admin.getByText(/decision sent to the requester/i).first()).toBeVisible();

  await page.goto(`${statusUrl}&lang=en-XA`);
  await expect(page.locator('#decision-notices')).toBeVisible();
  await expectFullyTranslated(page, 'the status page of a refusal');
  // Nothing left aside as English: every notice and every event of the timeline is the catalog's.
  await expect(page.locator('section[aria-labelledby="decision-notices"] [lang], .timeline [lang]')).toHaveCount(0);

  await page.goto(`${statusUrl}&lang=fr`);
  const notices = page.locator('section[aria-labelledby="decision-notices"]');
  await expect(notices).toContainText('ZZ-BASIS-0001');
  await expect(notices).toContainText('Information Commissioner’s Office');
  await expect(notices).toContainText('recours juridictionnel effectif');
  await expect(notices.locator('[lang="en"]')).toHaveCount(0);
});
