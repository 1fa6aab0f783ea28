import { describe, expect, it } from 'vitest';
import { AppError, isDatabaseUnavailable, toErrorBody } from './errors';

describe('errors', () => {
  it('recognises a database that is not there, through causes', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(new Error('query failed', { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
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
});
