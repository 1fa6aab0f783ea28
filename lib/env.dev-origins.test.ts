import { afterEach, describe, expect, it } from 'vitest';
import { devOrigins } from './env';

const saved = process.env.APP_URL;

afterEach(() => {
  if (saved === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = saved;
});

describe('devOrigins', () => {
  it('lets the development server answer localhost, 127.0.0.1 and the host of APP_URL', () => {
    process.env.APP_URL = 'https://privacy.dev.example.com:8443/';
    expect(devOrigins()).toEqual(['localhost', '127.0.0.1', 'privacy.dev.example.com']);
  });

  it('names each host once, and ignores an APP_URL that is not a URL (env() reports it)', () => {
    process.env.APP_URL = 'http://127.0.0.1:3000';
    expect(devOrigins()).toEqual(['localhost', '127.0.0.1']);
    process.env.APP_URL = 'not a url';
    expect(devOrigins()).toEqual(['localhost', '127.0.0.1']);
    delete process.env.APP_URL;
    expect(devOrigins()).toEqual(['localhost', '127.0.0.1']);
  });
});
