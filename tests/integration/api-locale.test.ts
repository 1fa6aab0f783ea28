import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { resetDatabase } from '../support/reset-database';
import { postApiRequest } from '../support/api-requests';

/**
 * The JSON API speaks the request's language: the body's `locale`, else the client's Accept-Language.
 * Its 422 field messages are the words the request form shows for the same mistake in that language.
 */

beforeEach(resetDatabase);

const post = postApiRequest;

const broken = { email: 'not-an-email', types: ['access'], jurisdiction: 'EU', confirm: false };

describe('the JSON API’s validation messages', () => {
  it('come in the body’s `locale`, whatever Accept-Language says', async () => {
    const res = await post({ ...broken, locale: 'fr' }, { 'accept-language': 'de-DE,de;q=0.9' });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe('Certains champs sont à corriger.');
    expect(error.fields.email).toEqual(['L’adresse e-mail doit être valide, par exemple nom@exemple.com']);
    expect(error.fields.confirm).toEqual(['Veuillez confirmer que les informations sont exactes']);
  });

  it('come in Quebec French for fr-CA (its own words where they differ, French elsewhere)', async () => {
    const res = await post({ ...broken, locale: 'fr-CA' });
    const { error } = await res.json();
    expect(error.fields.email).toEqual(['L’adresse courriel doit être valide, par exemple nom@exemple.com']);
    expect(error.fields.confirm).toEqual(['Veuillez confirmer que les informations sont exactes']);
  });

  it('come in the Accept-Language when the body names no language (pt finds pt-BR)', async () => {
    const res = await post(broken, { 'accept-language': 'pt;q=0.9, en;q=0.1' });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.message).toBe('Alguns campos precisam de correção.');
    expect(error.fields.email).toEqual(['O e-mail deve ser um endereço válido, como nome@exemplo.com']);
  });

  it('refuse a language the portal does not offer in the Accept-Language’s (German here)', async () => {
    const res = await post({ ...broken, locale: 'tlh' }, { 'accept-language': 'de' });
    const { error } = await res.json();
    expect(error.fields.locale).toEqual(['Wählen Sie eine der angebotenen Sprachen']);
  });

  it('stay English with neither', async () => {
    const res = await post(broken);
    const { error } = await res.json();
    expect(error.message).toBe('Some fields need attention.');
    expect(error.fields.email).toEqual(['Email must be a valid email address, like name@example.com']);
  });
});

describe('a request filed without `locale`', () => {
  it('takes the Accept-Language’s language, and its verification email speaks it', async () => {
    const email = `api.accept.${Date.now()}@example.com`;
    const res = await post(
      { email, types: ['access'], jurisdiction: 'US-OTHER', confirm: true },
      { 'accept-language': 'es-MX,es;q=0.9' },
    );
    expect(res.status).toBe(201);
    const { id } = await res.json();
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id } })).locale).toBe('es-419');
    const verification = await db().outboxEmail.findFirstOrThrow({ where: { to: email } });
    expect(verification.html).toMatch(/<html[^>]* lang="es-419"/);
  });

  it('keeps the body’s `locale` over the Accept-Language', async () => {
    const email = `api.both.${Date.now()}@example.com`;
    const res = await post(
      { email, types: ['access'], jurisdiction: 'EU', confirm: true, locale: 'de' },
      { 'accept-language': 'fr' },
    );
    const { id } = await res.json();
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id } })).locale).toBe('de');
  });
});
