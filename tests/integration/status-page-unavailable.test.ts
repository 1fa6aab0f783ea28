/**
 * The requester's status page while the database cannot be reached: 503 with Retry-After and a page
 * in the reader's language saying the request is safe, never a 500. (A real PostgreSQL restart under
 * the built app is tests/load/db-restart.ts.)
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { GET as statusPage } from '../../app/(public)/status/[id]/route';
import { disconnectDb } from '../../lib/db';
import { scopedEnv } from '../support/scoped-env';
import { freePort } from '../support/test-database';

const settings = scopedEnv(['DATABASE_URL']);
afterEach(async () => {
  await disconnectDb();
  settings.restore();
});

async function readWithoutDatabase(headers: Record<string, string> = {}) {
  await disconnectDb();
  // Nothing listens there: every query fails to connect, as while PostgreSQL restarts.
  settings.set({ DATABASE_URL: `postgresql://nobody@127.0.0.1:${await freePort()}/none` });
  const id = randomUUID();
  const response = await statusPage(
    new Request(`http://portal.test/status/${id}?token=${'a'.repeat(43)}`, { headers }),
    {
      params: Promise.resolve({ id }),
    },
  );
  return { id, response, html: await response.text() };
}

it('answers 503 with Retry-After and says the request is safe, without a reference or the request id', async () => {
  const { id, response, html } = await readWithoutDatabase();
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('30');
  expect(response.headers.get('cache-control')).toBe('private, no-store');
  expect(html).toContain('We cannot show your request right now');
  expect(html).toContain('Your request is safe');
  expect(html).toContain('<meta name="referrer" content="no-referrer"/>');
  expect(html).not.toMatch(/Reference/i);
  expect(html).not.toContain(id);
});

it('says it in the page’s language', async () => {
  const { response, html } = await readWithoutDatabase({ 'x-locale': 'de' });
  expect(response.status).toBe(503);
  expect(html).toContain('<html lang="de"');
  expect(html).toContain('Wir können Ihre Anfrage gerade nicht anzeigen');
});
