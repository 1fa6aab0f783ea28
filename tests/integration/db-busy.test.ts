import { expect, it } from 'vitest';
import { db } from '../../lib/db';
import { toErrorBody } from '../../lib/errors';

// A transaction that outlives its bound is rolled back by Prisma (P2028). The requester is told the
// service is busy and may send again (503 with Retry-After), not that something unexpected broke.
it('a transaction past its time bound is rolled back and answered as busy (503, Retry-After)', async () => {
  const error = await db()
    .$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 AS slept FROM pg_sleep(1.5)`;
        await tx.$queryRaw`SELECT 1`;
      },
      { timeout: 500 },
    )
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect((error as { code?: string }).code).toBe('P2028');
  const body = toErrorBody(error);
  expect(body.status).toBe(503);
  expect(body.retryAfterSeconds).toBe(30);
  expect(body.body.error.message).toMatch(/busy.*nothing was saved/i);
  expect(body.body.error).not.toHaveProperty('reference');
});

it('the default bounds wait for a busy pool instead of Prisma 2 s and 5 s', async () => {
  // Five and a half seconds inside a transaction fit the configured timeout (DB_TRANSACTION_TIMEOUT_MS, 15 s).
  await expect(
    db().$transaction(async (tx) => tx.$queryRaw`SELECT 1 AS slept FROM pg_sleep(5.5)`),
  ).resolves.toBeTruthy();
});
