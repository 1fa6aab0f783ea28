import { PrismaPg } from '@prisma/adapter-pg';
import { env } from './env';
import { PrismaClient } from './generated/prisma/client';

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** The Prisma client, created on first use so that scripts and tests can set DATABASE_URL first. */
export function db(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const { DATABASE_URL: url, DATABASE_POOL_SIZE, DB_TRANSACTION_MAX_WAIT_MS, DB_TRANSACTION_TIMEOUT_MS } = env();
    if (!url)
      throw new Error('DATABASE_URL is not set: start the app with `npm run dev` or `npm start`, which provide one.');
    globalForPrisma.prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: url, max: DATABASE_POOL_SIZE }),
      // Under load a transaction queues for a connection: waiting is right, failing the request is not.
      transactionOptions: { maxWait: DB_TRANSACTION_MAX_WAIT_MS, timeout: DB_TRANSACTION_TIMEOUT_MS },
    });
  }
  return globalForPrisma.prisma;
}

export async function disconnectDb() {
  await globalForPrisma.prisma?.$disconnect();
  globalForPrisma.prisma = undefined;
}

/**
 * A transaction that PostgreSQL may abort to break a deadlock (or a serialization conflict), run
 * again from the start: each attempt sees the other's committed work. For transactions that change
 * many requests at once, whose counting rows (request_outcome_rollup, kept by triggers) another such
 * transaction may take in the opposite order.
 */
export async function transactionWithRetry<T>(
  fn: (tx: Tx) => Promise<T>,
  options: { timeout?: number; attempts?: number } = {},
): Promise<T> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db().$transaction(fn, options.timeout ? { timeout: options.timeout } : undefined);
    } catch (error) {
      // P2034: "Transaction failed due to a write conflict or a deadlock. Please retry your transaction".
      if (attempt >= attempts || (error as { code?: unknown }).code !== 'P2034') throw error;
    }
  }
}
