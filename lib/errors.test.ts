import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { AppError, isDatabaseUnavailable, publicError, toErrorBody } from './errors';
import { phrase } from './universal/i18n/phrase';

describe('errors', () => {
  it('recognises a database that is not there, through causes', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(new Error('query failed', { cause: refused }))).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('duplicate key value violates unique constraint'))).toBe(false);
  });

  it('answers 503 with a message for it, and keeps 500 with a reference for the rest', () => {
    const down = toErrorBody(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }));
    expect(down.status).toBe(503);
    expect(down.body.error.message).toMatch(/try again/i);
    const other = toErrorBody(new Error('boom'));
    expect(other.status).toBe(500);
    expect(other.body.error.reference).toBeTruthy();
    expect(toErrorBody(new AppError('RATE_LIMITED', 'slow down')).status).toBe(429);
  });

  it('turns a ZodError, classic or mini, into 422 with the field errors by dotted path', () => {
    const classic = z
      .object({ email: z.email('Give an email'), agent: z.object({ name: z.string().min(1, 'Give a name') }) })
      .safeParse({ email: 'x', agent: { name: '' } });
    expect(publicError(classic.error)).toEqual({
      status: 422,
      code: 'INVALID_INPUT',
      message: 'Some fields need attention.',
      fields: { email: ['Give an email'], 'agent.name': ['Give a name'] },
    });
    const mini = zm.object({ year: zm.number('Give the year') }).safeParse({});
    expect(publicError(mini.error)).toMatchObject({ status: 422, fields: { year: ['Give the year'] } });
    expect(toErrorBody(mini.error).body.error).toEqual({
      code: 'INVALID_INPUT',
      message: 'Some fields need attention.',
      fields: { year: ['Give the year'] },
    });
  });

  it('keeps an AppError as it is, with its fields and any Retry-After', () => {
    const error = new AppError('RATE_LIMITED', 'slow down', {
      retryAfterSeconds: 60,
      fields: { email: ['too often'] },
    });
    expect(publicError(error)).toEqual({
      status: 429,
      code: 'RATE_LIMITED',
      message: 'slow down',
      fields: { email: ['too often'] },
      retryAfterSeconds: 60,
    });
    expect(publicError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })).retryAfterSeconds).toBe(30);
  });

  it('words a said error in the reader’s language, its code and Retry-After unchanged, English by default', () => {
    const said = AppError.said('RATE_LIMITED', phrase('api.rateLimited.unconfirmed', { max: 3 }), {
      retryAfterSeconds: 60,
    });
    expect(said.message).toMatch(/^There are already 3 requests for this email address/);
    expect(publicError(said)).toMatchObject({ code: 'RATE_LIMITED', message: said.message, retryAfterSeconds: 60 });
    expect(publicError(said, 'de')).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/^Für diese E-Mail-Adresse warten bereits 3 Anfragen/),
      retryAfterSeconds: 60,
    });
    const field = AppError.said('INVALID_INPUT', phrase('agent.document.wrongType'), { phraseField: 'agent.document' });
    expect(publicError(field, 'fr').fields).toEqual({
      'agent.document': ['Le document de preuve doit être un fichier PDF, PNG ou JPEG.'],
    });
    // An error written as text (a server-to-server API's) stays as written in any language.
    expect(publicError(new AppError('UNAUTHORIZED', 'Send a valid API key'), 'fr').message).toBe(
      'Send a valid API key',
    );
  });

  it('words the database away and an unexpected error in the reader’s language', () => {
    const down = toErrorBody(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), 'fr');
    expect(down.body.error).toEqual({
      code: 'UNAVAILABLE',
      message: 'Nous ne pouvons pas recevoir de demandes pour le moment. Veuillez réessayer dans une minute.',
    });
    const other = toErrorBody(new Error('boom'), 'de');
    expect(other.body.error.message).toBe(
      `Bei uns ist ein Fehler aufgetreten. Referenz: ${other.body.error.reference}`,
    );
  });

  it('shows an unexpected error only as a reference', () => {
    const shown = publicError(new Error('password=hunter2 at db'));
    expect(shown).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(shown.reference).toMatch(/^[0-9a-f-]{36}$/);
    expect(shown.message).toBe(`Something went wrong on our side. Reference: ${shown.reference}`);
  });
});
