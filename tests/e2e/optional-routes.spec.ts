import { expect, test } from '@playwright/test';

// The e2e server is a production start without BENCH_ROUTES: the benchmark's baseline route is not
// there, whatever the method (lib/http/optional-routes.ts; the demo routes are proven off in
// lib/http/optional-routes.test.ts, since this server turns FULFILMENT_DEMO on for its own tests).
test('the benchmark route answers 404 in a production start', async ({ request }) => {
  for (const method of ['GET', 'POST', 'PUT', 'DELETE'] as const) {
    const res = await request.fetch('/api/bench/bare', { method, data: method === 'GET' ? undefined : '{}' });
    expect(res.status(), method).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
  }
});
