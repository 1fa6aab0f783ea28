/**
 * The migration that splits the old `objection` type (prisma/migrations/20261202160101_map_objection_requests)
 * on real PostgreSQL: a database brought to the migration before the split, old-type rows written as
 * the portal wrote them, then every migration applied, as a deployment does. Each old objection keeps
 * both halves of what it promised, under the type of its right where its regime is
 * (docs/decisions/009-one-request-type-per-right.md).
 */
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { applyMigrations, MIGRATIONS_DIR } from '../../lib/db/schema-engine';

const SPLIT = '20261202160100_split_objection_types';
const serverUrl = inject('serverUrl');
const name = `split_objection_${process.pid}`;
const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
let client: pg.Client;
let before: string;

async function admin(sql: string) {
  const c = new pg.Client({
    connectionString: Object.assign(new URL(serverUrl), { pathname: '/postgres' }).toString(),
  });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A request row as the portal wrote it before the split (the columns it must have then). */
async function oldRequest(types: string[], jurisdiction: string, closed = false) {
  const id = randomUUID();
  const receivedAt = new Date('2026-11-02T12:00:00Z');
  await client.query(
    `INSERT INTO privacy_request (id, status, types, jurisdiction, channel, email_hash, email, submission_token_hash,
       received_at, due_at, closed_at, decided_at, updated_at)
     VALUES ($1, $2, $3::"RequestType"[], $4, 'web', $5, $6, $7, $8, $8::timestamptz + interval '45 days', $9, $9, now())`,
    [
      id,
      closed ? 'completed' : 'in_progress',
      types,
      jurisdiction,
      id.replace(/-/g, ''),
      `${id}@example.com`,
      `test-${id}`,
      receivedAt,
      closed ? new Date('2026-11-05T12:00:00Z') : null,
    ],
  );
  return id;
}

const typesOf = async (id: string) =>
  (await client.query('SELECT types::text[] AS types FROM privacy_request WHERE id = $1', [id])).rows[0].types;

beforeAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  // The migrations folder as it stood before the split.
  before = await mkdtemp(path.join(os.tmpdir(), 'portal-before-split-'));
  for (const entry of await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    if (!entry.isDirectory() || entry.name < SPLIT)
      await cp(path.join(MIGRATIONS_DIR, entry.name), path.join(before, entry.name), { recursive: true });
  await applyMigrations(url, before);
  client = new pg.Client({ connectionString: url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  if (before) await rm(before, { recursive: true, force: true });
});

it('maps every old objection to unsubscribe plus the right of its regime, in place, and leaves other requests alone', async () => {
  const california = await oldRequest(['objection'], 'US-CA', true);
  const virginiaMixed = await oldRequest(['access', 'objection', 'deletion'], 'US-VA');
  const otherState = await oldRequest(['objection'], 'US-OTHER');
  const eu = await oldRequest(['objection'], 'EU');
  const uk = await oldRequest(['access', 'objection'], 'UK');
  const brazil = await oldRequest(['objection'], 'BR');
  const canada = await oldRequest(['objection'], 'CA');
  const elsewhere = await oldRequest(['objection'], 'OTHER');
  const untouched = await oldRequest(['access', 'restriction'], 'US-CA', true);
  const rollupBefore = await client.query(`SELECT types, n FROM request_outcome_rollup ORDER BY types`);
  expect(rollupBefore.rows).toEqual([
    { types: '{access,restriction}', n: 1 },
    { types: '{objection}', n: 1 },
  ]);

  const applied = await applyMigrations(url);
  expect(applied).toEqual(expect.arrayContaining([SPLIT, '20261202160101_map_objection_requests']));

  expect(await typesOf(california)).toEqual(['unsubscribe', 'opt_out_sale']);
  expect(await typesOf(virginiaMixed)).toEqual(['access', 'unsubscribe', 'opt_out_sale', 'deletion']);
  expect(await typesOf(otherState)).toEqual(['unsubscribe', 'opt_out_sale']);
  expect(await typesOf(eu)).toEqual(['unsubscribe', 'objection']);
  expect(await typesOf(uk)).toEqual(['access', 'unsubscribe', 'objection']);
  expect(await typesOf(brazil)).toEqual(['unsubscribe', 'objection']);
  expect(await typesOf(canada)).toEqual(['unsubscribe', 'objection']);
  expect(await typesOf(elsewhere)).toEqual(['unsubscribe', 'objection']);
  expect(await typesOf(untouched)).toEqual(['access', 'restriction']);
  // The metrics rollup followed the change (its trigger ran in the migration's transaction).
  const rollupAfter = await client.query(`SELECT types, n FROM request_outcome_rollup ORDER BY types`);
  expect(rollupAfter.rows).toEqual([
    { types: '{access,restriction}', n: 1 },
    { types: '{unsubscribe,opt_out_sale}', n: 1 },
  ]);
});

it('has the systems that acted on the old type act on its successors, once, and no other system', async () => {
  // The previous test applied every migration: write the systems as they stood, then run the SQL again.
  const sql = await import('node:fs/promises').then((fs) =>
    fs.readFile(path.join(MIGRATIONS_DIR, '20261202160101_map_objection_requests', 'migration.sql'), 'utf8'),
  );
  await client.query(
    `INSERT INTO data_system (id, key, name, task_types, updated_at) VALUES
    ($1, 'mailing', 'Mailing list', '{collect,suppress}', now()),
    ($2, 'billing', 'Billing', '{collect,erase}', now()),
    ($3, 'crm', 'CRM', '{suppress,stop_sale}', now())`,
    [randomUUID(), randomUUID(), randomUUID()],
  );
  await client.query(sql);
  await client.query(sql); // twice: a system is never given a type twice
  const systems = await client.query(`SELECT key, task_types::text[] AS types FROM data_system ORDER BY key`);
  expect(systems.rows).toEqual([
    { key: 'billing', types: ['collect', 'erase'] },
    { key: 'crm', types: ['suppress', 'stop_sale', 'stop_processing'] },
    { key: 'mailing', types: ['collect', 'suppress', 'stop_processing', 'stop_sale'] },
  ]);
});
