import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';
import { jsonRoute, readJsonBody, readJsonText } from './json-route';

describe('jsonRoute', () => {
  it('answers a ZodError thrown by a parse with 422 and the field errors', async () => {
    const res = await jsonRoute(async () => {
      z.object({ year: z.coerce.number().int('Give the year as YYYY') }).parse({ year: '20.5' });
      return new Response('unreachable');
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: 'Some fields need attention.',
        fields: { year: ['Give the year as YYYY'] },
      },
    });
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

describe('readJsonText and readJsonBody', () => {
  const post = (body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    new Request('http://portal.test/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

  it('give the exact text, and the parsed value', async () => {
    expect(await readJsonText(post('{ "a": 1 }'))).toBe('{ "a": 1 }');
    expect(await readJsonBody(post('{ "a": 1 }'))).toEqual({ a: 1 });
  });

  it('refuse another content type (415), a body past the limit (413), bad UTF-8 or JSON (400)', async () => {
    await expect(readJsonText(post('{}', { 'content-type': 'text/plain' }))).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    await expect(readJsonText(post(`"${'x'.repeat(2048)}"`), 1024)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body must be at most 1 KB.',
    });
    await expect(
      readJsonText(
        post(`"${'x'.repeat(100)}"`, { 'content-type': 'application/json', 'content-length': String(3 * 1024 * 1024) }),
        2 * 1024 * 1024,
      ),
    ).rejects.toMatchObject({ message: 'The request body must be at most 2 MB.' });
    await expect(readJsonText(post(new Uint8Array([0x22, 0xff, 0x22])))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The request body is not valid UTF-8.',
    });
    await expect(readJsonBody(post('{nope'))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The request body is not valid JSON.',
    });
  });
});
