/**
 * `npx tsx scripts/new-migration.ts <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with the SQL that takes the existing migrations to prisma/schema.prisma (the offline stand-in for
 * `prisma migrate dev --create-only`). Uses a throwaway embedded PostgreSQL as the shadow database.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { diffSchemas, MIGRATIONS_DIR, SCHEMA_PATH } from '../lib/db/schema-engine';
import { freePort } from '../tests/support/test-database';

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('Usage: new-migration <snake_case_name>');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'portal-shadow-'));
  const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false, database: 'shadow' });
  try {
    const sql = await diffSchemas({
      url: db.url,
      shadowUrl: db.url,
      from: { kind: 'migrations' },
      to: { kind: 'schema', content: await readFile(SCHEMA_PATH, 'utf8') },
    });
    if (sql.includes('This is an empty migration')) {
      console.log('No changes: the migrations already match schema.prisma.');
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), sql);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  } finally {
    await db.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
