/**
 * The database the scripts use: DATABASE_URL when set, otherwise the embedded PostgreSQL under
 * .data/postgres (started here, stopped by `stop`).
 */
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';

export const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
export const EMBEDDED_DIR = process.env.EMBEDDED_PG_DIR ?? '.data/postgres';

export async function resolveDatabase(): Promise<{ url: string; embedded: boolean; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const started = await startEmbeddedPostgres({ dataDir: EMBEDDED_DIR, port: EMBEDDED_PORT });
  process.env.DATABASE_URL = started.url;
  return { url: started.url, embedded: true, stop: started.stop };
}
