import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POST as requestFormPost } from '../../app/(public)/route';
import { GET as statusRoute } from '../../app/api/v1/requests/[id]/route';
import { POST as requestsRoute } from '../../app/api/v1/requests/route';
import { POST as optOutsRoute } from '../../app/api/v1/opt-outs/route';
import { formStartedStamp } from '../../lib/abuse/form-guard';
import { db } from '../../lib/db';
import { checkedByContract } from '../support/openapi-contract';
import { resetDatabase } from '../support/reset-database';
import { aRequest } from '../support/requests';
import { scopedEnv } from '../support/scoped-env';

/**
 * Every message the public JSON API answers a requester with, not only the 422's fields, speaks the
 * request's language: the body's `locale` once the body parses, the Accept-Language before (or when it
 * names none), English with neither. The `code` a program reads never changes. The agent's document
 * is refused in the language of the form it was sent with.
 */

beforeEach(resetDatabase);
const settings = scopedEnv(['RATE_LIMITS', 'RATE_LIMIT_SUBMIT_PER_EMAIL']);
afterEach(() => settings.restore());

const postRequest = checkedByContract(requestsRoute);
const getStatus = checkedByContract(statusRoute);
const postOptOut = checkedByContract(optOutsRoute);

const postText = (body: string, headers: Record<string, string> = {}) =>
  postRequest(
    new Request('http://portal.test/api/v1/requests', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    }),
  );
const post = (body: unknown, headers: Record<string, string> = {}) => postText(JSON.stringify(body), headers);

async function errorOf(res: Response) {
  return (await res.json()).error as { code: string; message: string; fields?: Record<string, string[]> };
}

/** A small but real PDF: the first bytes are what the check reads. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const agentRequest = (document: unknown, locale?: string) => ({
  ...aRequest({ jurisdiction: 'US-CA' }),
  ...(locale ? { locale } : {}),
  agent: {
    name: 'Agatha Agent',
    email: `agent.${Date.now()}@example.com`,
    authorization: 'signed_permission',
    ...(document === undefined ? {} : { document }),
  },
});

describe('a body the API cannot read', () => {
  it('sent as another media type: 415 in the Accept-Language (nothing else names a language yet)', async () => {
    const asForm = (language?: string) =>
      postText(
        'email=x',
        language ? { 'content-type': 'text/plain', 'accept-language': language } : { 'content-type': 'text/plain' },
      );
    const fr = await asForm('fr-FR,fr;q=0.9');
    expect(fr.status).toBe(415);
    expect(await errorOf(fr)).toEqual({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Envoyez le corps de la requête en JSON, avec l’en-tête Content-Type: application/json.',
    });
    expect((await errorOf(await asForm('de'))).message).toBe(
      'Senden Sie den Anfragetext als JSON mit Content-Type: application/json.',
    );
    expect((await errorOf(await asForm())).message).toBe(
      'Send the request body as JSON with Content-Type: application/json.',
    );
  });

  it('that is not JSON: 400 in the Accept-Language, else English', async () => {
    const broken = '{"email": "a@example.com", "locale": "de"';
    const fr = await postText(broken, { 'accept-language': 'fr' });
    expect(fr.status).toBe(400);
    expect(await errorOf(fr)).toEqual({
      code: 'BAD_REQUEST',
      message: 'Le corps de la requête n’est pas un JSON valide.',
    });
    expect((await errorOf(await postText(broken, { 'accept-language': 'de-AT' }))).message).toBe(
      'Der Anfragetext ist kein gültiges JSON.',
    );
    expect((await errorOf(await postText(broken, { 'accept-language': 'ja' }))).message).toBe(
      'The request body is not valid JSON.',
    );
  });

  it('that is not UTF-8: 400 in the Accept-Language', async () => {
    const latin1 = new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]);
    const res = await postRequest(
      new Request('http://portal.test/api/v1/requests', {
        method: 'POST',
        body: latin1,
        headers: { 'content-type': 'application/json', 'accept-language': 'de' },
      }),
    );
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({ code: 'BAD_REQUEST', message: 'Der Anfragetext ist kein gültiges UTF-8.' });
  });
});

describe('a body too large', () => {
  const padded = (locale?: string) =>
    JSON.stringify({ ...aRequest(), ...(locale ? { locale } : {}), details: 'x'.repeat(70 * 1024) });

  it('past 64 KB without a document: 413 in the body’s `locale`, over the Accept-Language', async () => {
    const de = await postText(padded('de'), { 'accept-language': 'fr' });
    expect(de.status).toBe(413);
    expect(await errorOf(de)).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Der Anfragetext darf höchstens 64 KB groß sein (8 MB mit dem Dokument eines Vertreters).',
    });
    expect((await errorOf(await postText(padded(), { 'accept-language': 'fr-CA' }))).message).toBe(
      'Le corps de la requête ne doit pas dépasser 64 Ko (8 Mo avec le document d’un mandataire).',
    );
    expect((await errorOf(await postText(padded()))).message).toBe(
      'The request body must be at most 64 KB (8 MB with an agent’s document).',
    );
  });

  it('past 8 MB: 413 in the Accept-Language, with French units', async () => {
    const huge = JSON.stringify({ details: 'x'.repeat(8 * 1024 * 1024) });
    const fr = await postText(huge, { 'accept-language': 'fr' });
    expect(fr.status).toBe(413);
    expect(await errorOf(fr)).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Le corps de la requête ne doit pas dépasser 8 Mo.',
    });
    expect((await errorOf(await postText(huge))).message).toBe('The request body must be at most 8 MB.');
  });
});

describe('too many requests', () => {
  it('for one email address: 429 with Retry-After, in the body’s `locale`, else English', async () => {
    settings.set({ RATE_LIMIT_SUBMIT_PER_EMAIL: '1' });
    const body = aRequest();
    expect((await post(body)).status).toBe(201);
    const fr = await post({ ...body, locale: 'fr' }, { 'accept-language': 'de' });
    expect(fr.status).toBe(429);
    expect(Number(fr.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await errorOf(fr)).toEqual({
      code: 'RATE_LIMITED',
      message:
        'Trop de demandes ont été faites pour cette adresse e-mail au cours de la dernière heure. Veuillez vérifier si nos e-mails sont arrivés dans votre boîte de réception, ou réessayer plus tard.',
    });
    expect((await errorOf(await post({ ...body, locale: 'fr-CA' }))).message).toMatch(/^Trop de demandes .* courriel /);
    expect((await errorOf(await post(body, { 'accept-language': 'de' }))).message).toBe(
      'Für diese E-Mail-Adresse wurden in der letzten Stunde zu viele Anfragen gestellt. Bitte sehen Sie in Ihrem Posteingang nach unseren E-Mails oder versuchen Sie es später erneut.',
    );
    expect((await errorOf(await post(body))).message).toMatch(
      /^Too many requests have been made for this email address in the last hour/,
    );
    expect(await db().privacyRequest.count()).toBe(1);
  });
});

describe('a status link that is not valid', () => {
  const lookUp = (token: string, language?: string) =>
    getStatus(
      new Request(`http://portal.test/api/v1/requests/00000000-0000-4000-8000-000000000000?token=${token}`, {
        headers: language ? { 'accept-language': language } : {},
      }),
      { params: Promise.resolve({ id: '00000000-0000-4000-8000-000000000000' }) },
    );

  it('is 404 in the Accept-Language, malformed or unknown, else English', async () => {
    const fr = await lookUp('a'.repeat(43), 'fr');
    expect(fr.status).toBe(404);
    expect(await errorOf(fr)).toEqual({
      code: 'NOT_FOUND',
      message:
        'Ce lien de suivi n’est pas valide. Utilisez le lien de votre e-mail le plus récent au sujet de cette demande.',
    });
    expect((await errorOf(await lookUp('short', 'de'))).message).toBe(
      'Dieser Statuslink ist ungültig. Verwenden Sie den Link aus Ihrer neuesten E-Mail zu dieser Anfrage.',
    );
    expect((await errorOf(await lookUp('a'.repeat(43), 'fr-CA'))).message).toMatch(/votre courriel le plus récent/);
    expect((await errorOf(await lookUp('short'))).message).toBe(
      'This status link is not valid. Use the link from your most recent email about this request.',
    );
  });
});

describe('an authorized agent’s document, through the API', () => {
  it('missing: 422 on `agent.document` in the body’s `locale`', async () => {
    const fr = await post(agentRequest(undefined, 'fr'), { 'accept-language': 'de' });
    expect(fr.status).toBe(422);
    const error = await errorOf(fr);
    expect(error.code).toBe('INVALID_INPUT');
    const missing =
      'Un mandataire doit envoyer une preuve : l’autorisation signée par la personne ou une procuration, sous forme de fichier PDF, PNG ou JPEG.';
    expect(error.message).toBe(missing);
    expect(error.fields).toEqual({ 'agent.document': [missing] });
  });

  it('not a PDF, PNG or JPEG, or not in the expected shape: in German, else English', async () => {
    const html = { filename: 'x.pdf', content: Buffer.from('<html>hi</html>').toString('base64') };
    const de = await errorOf(await post(agentRequest(html, 'de')));
    expect(de.fields).toEqual({
      'agent.document': ['Das Nachweisdokument muss eine PDF-, PNG- oder JPEG-Datei sein.'],
    });
    const shape = await errorOf(await post(agentRequest('not an object'), { 'accept-language': 'de' }));
    expect(shape.fields).toEqual({
      'agent.document': ['Senden Sie den Nachweis in der Form { "filename": "…", "content": "<base64>" }.'],
    });
    const en = await errorOf(await post(agentRequest(html)));
    expect(en.fields).toEqual({ 'agent.document': ['The proof document must be a PDF, PNG or JPEG file.'] });
  });

  it('over 5 MB: in French, with French units', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    const res = await post(agentRequest({ filename: 'p.pdf', content: big.toString('base64') }, 'fr'));
    expect(res.status).toBe(422);
    expect((await errorOf(res)).fields).toEqual({
      'agent.document': ['Le document de preuve ne doit pas dépasser 5 Mo.'],
    });
    expect(await db().privacyRequest.count()).toBe(0);
  });
});

describe('an authorized agent’s document, on the form', () => {
  const formOf = (locale: string, document?: Blob) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      onBehalf: 'on',
      'agent.name': 'Agatha Agent',
      'agent.email': `agent.${Date.now()}@example.com`,
      'agent.authorization': 'signed_permission',
      email: `person.${Date.now()}@example.com`,
      jurisdiction: 'US-CA',
      types: 'access',
      confirm: 'on',
      locale,
      formStartedAt: formStartedStamp(new Date(Date.now() - 60_000)),
    }))
      form.append(k, v);
    if (document) form.append('agent.document', document, 'preuve.html');
    return requestFormPost(new Request('http://portal.test/', { method: 'POST', body: form }));
  };

  it('is refused in the form’s language (French), beside the field: missing, or not a document', async () => {
    const missing = await formOf('fr');
    expect(missing.status).toBe(422);
    const page = await missing.text();
    expect(page).toContain('Un mandataire doit envoyer une preuve');
    expect(page).not.toContain('An authorized agent must send proof');

    const wrongType = await formOf('fr', new Blob(['<html>hi</html>'], { type: 'application/pdf' }));
    expect(wrongType.status).toBe(422);
    expect(await wrongType.text()).toContain('Le document de preuve doit être un fichier PDF, PNG ou JPEG.');
    expect(await db().privacyRequest.count()).toBe(0);
  });

  it('in English on an English form', async () => {
    const res = await formOf('en', new Blob(['<html>hi</html>']));
    expect(await res.text()).toContain('The proof document must be a PDF, PNG or JPEG file.');
  });
});

describe('the opt-outs API, server to server', () => {
  it('answers in English whatever the Accept-Language (its caller is a property’s server)', async () => {
    const report = (language?: string) =>
      postOptOut(
        new Request('http://portal.test/api/v1/opt-outs', {
          method: 'POST',
          body: '{}',
          headers: { 'content-type': 'application/json', ...(language ? { 'accept-language': language } : {}) },
        }),
      );
    const english = await errorOf(await report());
    expect(english.code).toBe('UNAUTHORIZED');
    expect(english.message).toMatch(/key/i);
    expect(await errorOf(await report('fr'))).toEqual(english);
    expect(await errorOf(await report('de'))).toEqual(english);
  });
});
