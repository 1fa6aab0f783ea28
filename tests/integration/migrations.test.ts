import { readFile } from 'node:fs/promises';
import { inject, expect, it } from 'vitest';
import pg from 'pg';
import { applyMigrations, diffSchemas, SCHEMA_PATH } from '../../lib/db/schema-engine';

const serverUrl = inject('serverUrl');
const urlFor = (name: string) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: urlFor('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

it('the migrations produce exactly the schema in schema.prisma (no drift)', async () => {
  const shadow = `shadow_${process.pid}`;
  await admin(`DROP DATABASE IF EXISTS ${shadow} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${shadow}`);
  try {
    const sql = await diffSchemas({
      url: urlFor(shadow),
      shadowUrl: urlFor(shadow),
      from: { kind: 'migrations' },
      to: { kind: 'schema', content: await readFile(SCHEMA_PATH, 'utf8') },
    });
    expect(sql.trim()).toBe('-- This is an empty migration.');
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${shadow} WITH (FORCE)`);
  }
});

it('the drift check notices a schema change the migrations lack', async () => {
  const shadow = `shadow_b_${process.pid}`;
  await admin(`CREATE DATABASE ${shadow}`);
  try {
    const changed = (await readFile(SCHEMA_PATH, 'utf8')).replace(
      'model OutboxEmail {',
      'model OutboxEmail {\n  extraColumn String?',
    );
    const sql = await diffSchemas({
      url: urlFor(shadow),
      shadowUrl: urlFor(shadow),
      from: { kind: 'migrations' },
      to: { kind: 'schema', content: changed },
    });
    expect(sql).toMatch(/ALTER TABLE "outbox_email" ADD COLUMN\s+"extraColumn" TEXT/);
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${shadow} WITH (FORCE)`);
  }
});

it('applying migrations concurrently is safe: one applies, the others find nothing to do', async () => {
  const name = `concurrent_${process.pid}`;
  await admin(`CREATE DATABASE ${name}`);
  try {
    const results = await Promise.all([1, 2, 3].map(() => applyMigrations(urlFor(name))));
    expect(results.flat().length).toBe(await readdirCount());
    const client = new pg.Client({ connectionString: urlFor(name) });
    await client.connect();
    const rows = await client.query('SELECT migration_name, finished_at FROM _prisma_migrations');
    await client.end();
    expect(rows.rows.every((r) => r.finished_at)).toBe(true);
    expect(rows.rowCount).toBe(await readdirCount());
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
});

async function readdirCount() {
  const { readdir } = await import('node:fs/promises');
  return (await readdir('prisma/migrations', { withFileTypes: true })).filter((e) => e.isDirectory()).length;
}
