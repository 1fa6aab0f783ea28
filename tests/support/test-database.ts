/**
 * A fresh database for one test run: on TEST_DATABASE_URL's server when set (CI runs the suite again
 * on PostgreSQL 15 that way), else on a throwaway embedded PostgreSQL. Refuses anything not local.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../lib/db/embedded-postgres';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function assertLocalDatabase(url: string) {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) throw new Error(`Refusing to run tests against a non-local database (${host}).`);
}

export type TestDatabase = { url: string; serverUrl: string; createDatabase(name: string): Promise<string>; dropDatabase(name: string): Promise<void>; stop(): Promise<void> };

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A port nobody listens on now, so that two test runs on one machine do not collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function createTestDatabase(options: { port?: number } = {}): Promise<TestDatabase> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stopServer = async () => {};
  if (!serverUrl) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'portal-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir, port: options.port ?? (await freePort()), persistent: false, database: 'postgres' });
    serverUrl = embedded.url;
    stopServer = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  assertLocalDatabase(serverUrl);
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: withDatabase(serverUrl!, 'postgres') });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  const created: string[] = [];
  const createDatabase = async (name: string) => {
    await admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${name}"`);
    });
    created.push(name);
    return withDatabase(serverUrl!, name);
  };
  const dropDatabase = (name: string) => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
  const mainName = `portal_test_${process.pid}_${Date.now().toString(36)}`;
  const url = await createDatabase(mainName);
  return {
    url,
    serverUrl,
    createDatabase,
    dropDatabase,
    stop: async () => {
      for (const name of created) await dropDatabase(name).catch(() => {});
      await stopServer();
    },
  };
}
