import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, linkIn, uniqueEmail, waitForEmail } from './support';

/**
 * The portal in the requester's language: chosen from Accept-Language alone, or on the page's
 * language switcher (plain links, so also without JavaScript), kept on the request, and spoken by
 * its emails and its status page whatever the browser says later.
 */

type Journey = {
  language: string;
  /** The browser's language: Playwright sends it as Accept-Language (and navigator.language). */
  browserLocale: string;
  lang: string;
  heading: RegExp;
  email: RegExp;
  jurisdiction: RegExp;
  access: RegExp;
  confirm: RegExp;
  send: RegExp;
  checkEmail: RegExp;
  verifySubject: RegExp;
  confirmButton: RegExp;
  statusHeading: RegExp;
  answerBy: RegExp;
  receiptSubject: RegExp;
  /** The receipt's due date, written as that language writes dates ("26 décembre 2026"). */
  receiptDate: RegExp;
};

const JOURNEYS: Journey[] = [
  {
    language: 'French',
    browserLocale: 'fr-FR',
    lang: 'fr',
    heading: /Adresser une demande relative à vos données personnelles/,
    email: /^Votre adresse e-mail/,
    jurisdiction: /Votre lieu de résidence/,
    access: /^Accès/,
    confirm: /Je confirme que ces informations sont exactes/,
    send: /Envoyer la demande/,
    checkEmail: /Consultez vos e-mails/,
    verifySubject: /^Confirmez votre demande BR-/,
    confirmButton: /Confirmer ma demande/,
    statusHeading: /Votre demande relative aux données personnelles BR-/,
    answerBy: /Réponse au plus tard le/,
    receiptSubject: /^Nous avons bien reçu votre demande/,
    receiptDate: /Nous vous répondrons au plus tard le (\d{1,2} [a-zéû]+ \d{4})/,
  },
  {
    language: 'Portuguese',
    browserLocale: 'pt-BR',
    lang: 'pt-BR',
    heading: /Faça uma solicitação de privacidade/,
    email: /^Seu e-mail/,
    jurisdiction: /Onde você mora/,
    access: /^Acesso/,
    confirm: /Confirmo que estas informações são exatas/,
    send: /Enviar solicitação/,
    checkEmail: /Verifique seu e-mail/,
    verifySubject: /^Confirme sua solicitação de privacidade BR-/,
    confirmButton: /Confirmar minha solicitação/,
    statusHeading: /Sua solicitação de privacidade BR-/,
    answerBy: /Responderemos até/,
    receiptSubject: /^Recebemos sua solicitação de privacidade/,
    receiptDate: /Responderemos até (\d{1,2} de [a-zç]+ de \d{4})/,
  },
];

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

for (const journey of JOURNEYS) {
  test.describe(`in ${journey.language}, from Accept-Language alone`, () => {
    test.use({ locale: journey.browserLocale });

    test('the form, the verification email, the confirmation and the status page all speak it', async ({
      page,
      request,
    }) => {
      const email = uniqueEmail(`lang-${journey.lang.toLowerCase()}`);
      await page.goto('/');
      expect(await htmlLang(page)).toBe(journey.lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(journey.heading);
      await expect(page.locator(`link[rel="alternate"][hreflang="${journey.lang}"]`)).toHaveCount(1);
      await expectNoSeriousA11yViolations(page);

      // The island checks in the same language as the server: an empty submit, then the errors.
      await expect(page.locator('#request-form[data-ready]')).toBeAttached();
      await page.getByRole('button', { name: journey.send }).click();
      await expect(page.getByRole('alert').getByRole('link').first()).not.toHaveText(/is required|Choose/);

      await page.getByRole('textbox', { name: journey.email }).fill(email);
      await page.getByLabel(journey.jurisdiction).selectOption('EU');
      await page.getByRole('checkbox', { name: journey.access }).check();
      await page.getByRole('checkbox', { name: journey.confirm }).check();
      await page.getByRole('button', { name: journey.send }).click();

      await expect(page).toHaveURL(/\/submitted\//);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(journey.checkEmail);
      expect(await htmlLang(page)).toBe(journey.lang);

      const verification = await waitForEmail(request, email, journey.verifySubject);
      await page.goto(linkIn(verification, /\/verify\?token=/));
      expect(await htmlLang(page)).toBe(journey.lang);
      await expectNoSeriousA11yViolations(page);
      await page.getByRole('button', { name: journey.confirmButton }).click();

      await expect(page).toHaveURL(/\/status\/[0-9a-f-]{36}\?token=/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(journey.statusHeading);
      expect(await htmlLang(page)).toBe(journey.lang);
      await expect(page.getByText(journey.answerBy)).toBeVisible();
      await expectNoSeriousA11yViolations(page);

      const receipt = await waitForEmail(request, email, journey.receiptSubject);
      const dueOn = receipt.text.match(journey.receiptDate)?.[1];
      expect(dueOn, receipt.text).toBeTruthy();
      await expect(page.getByText(dueOn!).first()).toBeVisible();
    });
  });
}

test.describe('a status page speaks its request’s language', () => {
  test.use({ locale: 'pt-BR' });

  test('whatever the browser says, until the requester switches on the page', async ({ page, browser, request }) => {
    const email = uniqueEmail('lang-status');
    await page.goto('/');
    await page.getByRole('textbox', { name: /^Seu e-mail/ }).fill(email);
    await page.getByLabel(/Onde você mora/).selectOption('BR');
    await page.getByRole('checkbox', { name: /^Acesso/ }).check();
    await page.getByRole('checkbox', { name: /Confirmo que estas informações/ }).check();
    await page.getByRole('button', { name: /Enviar solicitação/ }).click();
    await expect(page).toHaveURL(/\/submitted\//);
    const verification = await waitForEmail(request, email, /^Confirme sua solicitação/);
    await page.goto(linkIn(verification, /\/verify\?token=/));
    await page.getByRole('button', { name: /Confirmar minha solicitação/ }).click();
    await expect(page).toHaveURL(/\/status\//);
    const statusUrl = page.url();

    // Another browser, in German: the page stays Portuguese.
    const german = await browser.newContext({ locale: 'de-DE' });
    const other = await german.newPage();
    await other.goto(statusUrl);
    expect(await htmlLang(other)).toBe('pt-BR');
    await expect(other.getByRole('heading', { level: 1 })).toHaveText(/Sua solicitação de privacidade/);
    // The switcher keeps the page (and its token): the same request, in German.
    await other.getByRole('link', { name: 'Deutsch' }).click();
    expect(await htmlLang(other)).toBe('de');
    await expect(other.getByRole('heading', { level: 1 })).toHaveText(/Ihre Datenschutzanfrage BR-/);
    // A form posted from the switched page (withdrawing, the box left unticked) comes back in German.
    await other.locator('form[action$="/withdraw"] button[type="submit"]').click();
    await expect(other).toHaveURL(/\/status\/[0-9a-f-]{36}\?token=[^&]+&lang=de&form=withdraw&notice=/);
    expect(await htmlLang(other)).toBe('de');
    await expect(other.getByRole('heading', { level: 1 })).toHaveText(/Ihre Datenschutzanfrage BR-/);
    await german.close();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, locale: 'en-GB' });

  test('the switcher changes the language, remembers it, and the request is filed in it', async ({ page, request }) => {
    await page.goto('/');
    expect(await htmlLang(page)).toBe('en');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Español' }).click();
    expect(await htmlLang(page)).toBe('es-419');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Envíe una solicitud de privacidad/);
    await expect(page.getByRole('navigation', { name: 'Idioma' }).locator('[aria-current]')).toHaveText('Español');

    // Remembered on the next page without the link's parameter.
    await page.goto('/');
    expect(await htmlLang(page)).toBe('es-419');

    // Posted without JavaScript, refused by the server: its errors in Spanish.
    await page.getByRole('button', { name: /Enviar solicitud/ }).click();
    await expect(page.getByText('Elija al menos un tipo de solicitud').first()).toBeVisible();

    const email = uniqueEmail('lang-nojs');
    await page.getByRole('textbox', { name: /^Su correo electrónico/ }).fill(email);
    await page.getByLabel(/Dónde vive/).selectOption('US-CA');
    await page.getByRole('checkbox', { name: /^Acceso/ }).check();
    await page.getByRole('checkbox', { name: /Confirmo que esta información es exacta/ }).check();
    await page.getByRole('button', { name: /Enviar solicitud/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Revise su correo/);
    const verification = await waitForEmail(request, email, /^Confirme su solicitud de privacidad/);
    expect(verification.text).toMatch(/Recibimos una solicitud de privacidad/);
  });
});

// One test per language: each names the language that fails, and each has its own time.
for (const lang of ['en', 'fr', 'fr-CA', 'es-419', 'pt-BR', 'de', 'en-XA']) {
  test(`${lang} is axe-clean on the form and on a refused form`, async ({ page }) => {
    await page.goto(`/?lang=${lang}`);
    expect(await htmlLang(page)).toBe(lang);
    await expectNoSeriousA11yViolations(page);
    await expect(page.locator('#request-form[data-ready]')).toBeAttached();
    await page.locator('form.request-form button[type="submit"]').click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expectNoSeriousA11yViolations(page);
  });
}
