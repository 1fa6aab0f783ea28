import { beforeEach, describe, expect, it } from 'vitest';
import { GET as statusPage } from '../../app/(public)/status/[id]/route';
import { POST as withdrawPost } from '../../app/(public)/status/[id]/withdraw/route';
import { db } from '../../lib/db';
import { submitRequest } from '../../lib/requests/submit-request';
import { sendAccountEmailProof } from '../../lib/verification/send-account-email-proof';
import { verifyRequest } from '../../lib/verification/verify-request';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestStatusLink, latestVerificationToken } from '../support/requests';
import { postApiRequest } from '../support/api-requests';

/** The language a request is filed in: stored, and every email about it written in it. */

beforeEach(resetDatabase);

const post = (body: unknown) => postApiRequest(body);

const emailsTo = (to: string) =>
  db().outboxEmail.findMany({
    where: { to },
    orderBy: { createdAt: 'asc' },
    select: { template: true, subject: true, text: true, html: true },
  });

describe('a request’s language', () => {
  it('the JSON API accepts `locale`, stores it, and the verification email speaks it', async () => {
    const email = `api.de.${Date.now()}@example.com`;
    const res = await post({ email, types: ['access'], jurisdiction: 'EU', confirm: true, locale: 'de' });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id } })).locale).toBe('de');
    const [verification] = await emailsTo(email);
    expect(verification.subject).toMatch(/^Bestätigen Sie Ihre Datenschutzanfrage BR-/);
    expect(verification.html).toMatch(/<html[^>]* lang="de"/);
    expect(verification.text).toMatch(/ist 10 Tage lang gültig/);
    expect(verification.text).toContain('lang=de');
  });

  it('refuses a language it does not offer, in English (the API’s language)', async () => {
    const res = await post({
      email: 'x@example.com',
      types: ['access'],
      jurisdiction: 'EU',
      confirm: true,
      locale: 'tlh',
    });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.fields.locale).toEqual(['Choose one of the languages offered']);
  });

  it('is English when not given', async () => {
    const email = `api.en.${Date.now()}@example.com`;
    const res = await post({ email, types: ['access'], jurisdiction: 'EU', confirm: true });
    const { id } = await res.json();
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id } })).locale).toBe('en');
    expect((await emailsTo(email))[0].subject).toMatch(/^Confirm your privacy request/);
  });

  it('a later email (the receipt after confirmation) is written in the request’s language, dates included', async () => {
    const email = `later.pt.${Date.now()}@example.com`;
    await submitRequest({
      input: aRequest({ email, jurisdiction: 'BR', types: ['access', 'deletion'], locale: 'pt-BR' }),
      channel: 'web',
    });
    await verifyRequest({ token: await latestVerificationToken(email) });
    const receipt = (await emailsTo(email)).find((e) => e.template === 'request-received');
    expect(receipt?.subject).toMatch(/^Recebemos sua solicitação de privacidade BR-/);
    // Portuguese list and month names, from Intl in the rule's zone.
    expect(receipt?.text).toMatch(
      /\(acesso e eliminação\) em \d{1,2} de [a-zç]+ de \d{4}\. Responderemos até \d{1,2} de [a-zç]+ de \d{4}/,
    );
  });

  it('Quebec French says “courriel” where French says “e-mail”', async () => {
    const email = `qc.${Date.now()}@example.com`;
    await submitRequest({ input: aRequest({ email, jurisdiction: 'CA-QC', locale: 'fr-CA' }), channel: 'web' });
    const [verification] = await emailsTo(email);
    expect(verification.text).toMatch(/pour cette adresse courriel/);
    expect(verification.text).not.toMatch(/e-mail/);
  });

  it('the account-email proof link opens its page in the request’s language, whatever that browser says', async () => {
    const email = `proof.de.${Date.now()}@example.com`;
    const accountEmail = `account.de.${Date.now()}@example.com`;
    await submitRequest({ input: aRequest({ email, accountEmail, jurisdiction: 'EU', locale: 'de' }), channel: 'web' });
    await verifyRequest({ token: await latestVerificationToken(email) });
    const status = await latestStatusLink(email);
    await sendAccountEmailProof({ requestId: status.requestId, statusToken: status.token });
    const [proof] = await emailsTo(accountEmail);
    expect(proof.template).toBe('prove-account-email');
    expect(proof.subject).toMatch(/^Bestätigen Sie diese Adresse für die Datenschutzanfrage BR-/);
    expect(proof.text).toMatch(/\/verify\/account-email\?token=[A-Za-z0-9_-]{43}&lang=de\b/);
  });

  describe('a language switched on the status page survives its forms’ post/redirect/get', () => {
    /** The status page as proxy.ts passes it on: `link` when the URL has the switcher's `?lang=`. */
    const open = (location: string) => {
      const url = new URL(location, 'http://portal.test');
      const lang = url.searchParams.get('lang');
      return statusPage(
        new Request(url, {
          headers: { 'x-locale': lang ?? 'en', 'x-locale-source': lang ? 'link' : 'browser' },
        }),
        { params: Promise.resolve({ id: url.pathname.split('/')[2] }) },
      );
    };
    const withdraw = (requestId: string, fields: Record<string, string>) =>
      withdrawPost(
        new Request(`http://portal.test/status/${requestId}/withdraw`, {
          method: 'POST',
          body: new URLSearchParams(fields),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
        { params: Promise.resolve({ id: requestId }) },
      );

    it('switched to German on an English request: the forms carry it and the page comes back in German', async () => {
      const email = `switch.${Date.now()}@example.com`;
      await submitRequest({ input: aRequest({ email, locale: 'en' }), channel: 'web' });
      await verifyRequest({ token: await latestVerificationToken(email) });
      const { requestId, token } = await latestStatusLink(email);

      const german = await (await open(`/status/${requestId}?token=${token}&lang=de`)).text();
      expect(german).toMatch(/<html[^>]* lang="de"/);
      expect(german).toContain('<input type="hidden" name="lang" value="de"/>');
      // Not switched: no language field, the request's own language.
      const english = await (await open(`/status/${requestId}?token=${token}`)).text();
      expect(english).toMatch(/<html[^>]* lang="en"/);
      expect(english).not.toContain('name="lang"');

      const refused = await withdraw(requestId, { token, lang: 'de' }); // the box left unticked
      expect(refused.status).toBe(303);
      const back = refused.headers.get('location')!;
      expect(new URL(back, 'http://portal.test').searchParams.get('lang')).toBe('de');
      expect(back).not.toContain('@');
      expect(await (await open(back)).text()).toMatch(/<html[^>]* lang="de"/);

      // A language we do not offer is not passed on.
      const odd = (await withdraw(requestId, { token, lang: 'xx"><script>' })).headers.get('location')!;
      expect(new URL(odd, 'http://portal.test').searchParams.has('lang')).toBe(false);

      const done = (await withdraw(requestId, { token, lang: 'de', confirmWithdraw: 'on' })).headers.get('location')!;
      expect(new URL(done, 'http://portal.test').searchParams.get('withdrawn')).toBe('1');
      const page = await (await open(done)).text();
      expect(page).toMatch(/<html[^>]* lang="de"/);
    });
  });
});
