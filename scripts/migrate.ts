/** `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (or the embedded database). */
import { applyMigrations } from '../lib/db/schema-engine';
import { resolveDatabase } from './database';

async function main() {
  const database = await resolveDatabase();
  try {
    const applied = await applyMigrations(database.url);
    console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date.');
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
