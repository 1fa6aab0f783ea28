/**
 * The database the scripts use: DATABASE_URL when set, otherwise the embedded PostgreSQL at
 * EMBEDDED_PG_DIR / EMBEDDED_PG_PORT (started here, stopped by `stop`). Defaults live in lib/env.ts.
 */
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { env, resetEnvCache } from '../lib/env';

export async function resolveDatabase(): Promise<{ url: string; embedded: boolean; stop: () => Promise<void> }> {
  const { DATABASE_URL, EMBEDDED_PG_DIR, EMBEDDED_PG_PORT } = env();
  if (DATABASE_URL) return { url: DATABASE_URL, embedded: false, stop: async () => {} };
  const started = await startEmbeddedPostgres({ dataDir: EMBEDDED_PG_DIR, port: EMBEDDED_PG_PORT });
  // Child processes inherit it; this process reads it again through env().
  process.env.DATABASE_URL = started.url;
  resetEnvCache();
  return { url: started.url, embedded: true, stop: started.stop };
}
