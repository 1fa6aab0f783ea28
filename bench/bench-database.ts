import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { applyMigrations } from '../lib/db/schema-engine';
import { freePort } from '../tests/support/test-database';

/**
 * Runs a benchmark on a fresh, migrated embedded PostgreSQL that this process's app code uses
 * (DATABASE_URL), with logs silenced; the server and its data are gone afterwards.
 */
export async function withBenchDatabase<T>(name: string, run: (url: string) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `bench-${name}-`));
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  process.env.DATABASE_URL = pg.url;
  process.env.LOG_LEVEL = 'silent';
  try {
    await applyMigrations(pg.url);
    return await run(pg.url);
  } finally {
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
