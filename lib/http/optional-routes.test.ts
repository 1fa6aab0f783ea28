import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { scopedEnv } from '../../tests/support/scoped-env';

const settings = scopedEnv(['NODE_ENV', 'APP_SECRET', 'EMAIL_TRANSPORT', 'BENCH_ROUTES', 'FULFILMENT_DEMO']);

/** The settings of a production start, plus any given. */
function production(vars: Record<string, string> = {}) {
  settings.set({ NODE_ENV: 'production', APP_SECRET: 'p'.repeat(40), EMAIL_TRANSPORT: 'dev', ...vars });
}

afterEach(() => settings.restore());

const call = async (path: string, method = 'POST') => proxy(new NextRequest(`http://portal.test${path}`, { method }));

describe('benchmark and demo routes', () => {
  it('answer 404 to every method in a production start', async () => {
    production();
    for (const path of ['/api/bench/bare', '/api/demo/support-desk']) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
        const res = await call(path, method);
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
        expect(res.headers.get('Content-Security-Policy'), 'the security headers still apply').toBeTruthy();
      }
    }
  });

  it('pass through when their setting turns them on', async () => {
    production({ BENCH_ROUTES: 'true' });
    expect((await call('/api/bench/bare')).status).not.toBe(404);
    expect((await call('/api/demo/support-desk')).status).toBe(404);
    production({ FULFILMENT_DEMO: 'true' });
    expect((await call('/api/demo/support-desk')).status).not.toBe(404);
    expect((await call('/api/bench/bare')).status).toBe(404);
  });

  it('leave every other route alone', async () => {
    production();
    for (const path of ['/api/health', '/api/v1/requests', '/api/benchmark', '/'])
      expect((await call(path)).status, path).not.toBe(404);
  });
});
