/**
 * Liveness and readiness on real PostgreSQL: ready only while the database answers, every migration
 * is applied and storage takes a write; /api/health answers as it always did.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Logger, runMigrations } from 'graphile-worker';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { GET as getHealth } from '../../app/api/health/route';
import { GET as getLive } from '../../app/api/health/live/route';
import { GET as getReady } from '../../app/api/health/ready/route';
import { disconnectDb } from '../../lib/db';
import { startEmbeddedPostgres } from '../../lib/db/embedded-postgres';
import { applyMigrations } from '../../lib/db/schema-engine';
import { freePort } from '../support/test-database';
import { scopedEnv } from '../support/scoped-env';

const settings = scopedEnv(['DATABASE_URL', 'STORAGE_ROOT']);
const databaseUrl = inject('databaseUrl');
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'portal-health-'));
});
afterEach(async () => {
  await disconnectDb();
  settings.restore();
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function use(vars: { DATABASE_URL: string; STORAGE_ROOT?: string }) {
  await disconnectDb();
  settings.set({ STORAGE_ROOT: path.join(folder, 'storage'), ...vars });
}

async function ready() {
  const response = await getReady();
  return { status: response.status, body: await response.json(), cache: response.headers.get('cache-control') };
}

describe('/api/health/live', () => {
  it('answers 200 whatever the database does', async () => {
    await use({ DATABASE_URL: `postgresql://nobody@127.0.0.1:${await freePort()}/none` });
    const response = getLive();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('/api/health/ready', () => {
  it('is ready with the migrated database and writable storage, and leaves no probe object behind', async () => {
    await use({ DATABASE_URL: databaseUrl });
    expect(await ready()).toEqual({
      status: 200,
      body: { status: 'ready', checks: { database: 'ok', migrations: 'ok', storage: 'ok' } },
      cache: 'no-store',
    });
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(path.join(folder, 'storage', 'health'))).toEqual([]);
  });

  it('answers 503 while PostgreSQL is stopped, and 200 again once it is back, without a restart', async () => {
    // A server of its own, stopped and started here (never the suite's, which may be a shared one).
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'portal-health-pg-'));
    const port = await freePort();
    const start = () => startEmbeddedPostgres({ dataDir, port, persistent: true, database: 'portal' });
    let server = await start();
    try {
      await applyMigrations(server.url);
      const pool = new pg.Pool({ connectionString: server.url });
      await runMigrations({ pgPool: pool, logger: new Logger(() => () => {}) });
      await pool.end();
      await use({ DATABASE_URL: server.url });
      expect((await ready()).status).toBe(200);

      await server.stop();
      expect(await ready()).toMatchObject({
        status: 503,
        body: { status: 'not_ready', checks: { database: 'unavailable', migrations: 'unknown', storage: 'ok' } },
      });
      // /api/health answers as it always did.
      const old = await getHealth();
      expect(old.status).toBe(503);
      expect(await old.json()).toEqual({ db: 'unavailable' });
      expect(getLive().status).toBe(200);

      server = await start();
      // The same Prisma client, whose pool lost its connections, recovers by itself.
      let after = await ready();
      for (let i = 0; i < 20 && after.status !== 200; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        after = await ready();
      }
      expect(after).toMatchObject({ status: 200, body: { status: 'ready' } });
    } finally {
      await disconnectDb();
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('answers 503 on a database where the migrations are missing, and 200 once they are applied', async () => {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    const name = `portal_health_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    const empty = new URL(databaseUrl);
    empty.pathname = `/${name}`;
    try {
      await use({ DATABASE_URL: empty.toString() });
      expect(await ready()).toMatchObject({
        status: 503,
        body: { checks: { database: 'ok', migrations: 'pending', storage: 'ok' } },
      });
      // /api/health only asks whether the database answers, as before.
      expect((await getHealth()).status).toBe(200);

      await applyMigrations(empty.toString());
      // Prisma's migrations alone are not enough: the job queue's schema is missing still.
      expect((await ready()).body.checks.migrations).toBe('pending');
      // On a pool of our own, ended before the database is dropped below.
      const pool = new pg.Pool({ connectionString: empty.toString() });
      await runMigrations({ pgPool: pool, logger: new Logger(() => () => {}) });
      await pool.end();
      expect(await ready()).toMatchObject({ status: 200, body: { status: 'ready' } });
    } finally {
      await disconnectDb();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('answers 503 when storage refuses a write', async () => {
    // A folder "inside" a regular file cannot be created.
    const blocker = path.join(folder, 'not-a-folder');
    await writeFile(blocker, 'x');
    await use({ DATABASE_URL: databaseUrl, STORAGE_ROOT: path.join(blocker, 'storage') });
    expect(await ready()).toMatchObject({
      status: 503,
      body: { status: 'not_ready', checks: { database: 'ok', migrations: 'ok', storage: 'unavailable' } },
    });
  });
});
