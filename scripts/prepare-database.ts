import { applyMigrations } from '../lib/db/schema-engine';
import { migrateQueue } from '../lib/worker/worker';

/** Brings a database up to date: our migrations, then graphile-worker's schema. */
export async function prepareDatabase(url: string) {
  const applied = await applyMigrations(url);
  if (applied.length) console.log(`[db] applied migrations: ${applied.join(', ')}`);
  await migrateQueue(url);
}
