import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { AppError, isDatabaseUnavailable, publicError, toErrorBody } from './errors';

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

  it('shows an unexpected error only as a reference', () => {
    const shown = publicError(new Error('password=hunter2 at db'));
    expect(shown).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(shown.reference).toMatch(/^[0-9a-f-]{36}$/);
    expect(shown.message).toBe(`Something went wrong on our side. Reference: ${shown.reference}`);
  });
});
