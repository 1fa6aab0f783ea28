import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';
import { jsonRoute } from './json-route';

describe('jsonRoute', () => {
  it('answers a ZodError thrown by a parse with 422 and the field errors', async () => {
    const res = await jsonRoute(async () => {
      z.object({ year: z.coerce.number().int('Give the year as YYYY') }).parse({ year: '20.5' });
      return new Response('unreachable');
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: { code: 'INVALID_INPUT', message: 'Some fields need attention.', fields: { year: ['Give the year as YYYY'] } } });
  });

  it('answers an AppError with its status, and its Retry-After when it has one', async () => {
    const res = await jsonRoute(async () => {
      throw new AppError('RATE_LIMITED', 'Too many requests.', { retryAfterSeconds: 120 });
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('120');
    expect(await res.json()).toEqual({ error: { code: 'RATE_LIMITED', message: 'Too many requests.' } });
  });

  it('answers anything else with 500 and a reference only', async () => {
    const res = await jsonRoute(async () => {
      throw new Error('secret detail');
    });
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error.code).toBe('INTERNAL');
    expect(JSON.stringify(body)).not.toContain('secret detail');
    expect(body.error.message).toContain(body.error.reference);
  });
});
