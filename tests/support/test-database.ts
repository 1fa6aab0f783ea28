/**
 * A fresh database for one test run: on TEST_DATABASE_URL's server when set (CI runs the suite again
 * on PostgreSQL 15 that way), else on a throwaway embedded PostgreSQL. Refuses anything not local.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { startEmbeddedPostgres } from '../../lib/db/embedded-postgres';
import { withClient, withDatabaseName } from '../../lib/db/server-connection';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function assertLocalDatabase(url: string) {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) throw new Error(`Refusing to run tests against a non-local database (${host}).`);
}

export type TestDatabase = {
  url: string;
  serverUrl: string;
  createDatabase(name: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
};

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

const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

/** tests/support/faketime-real-waits.c, compiled once per machine (a C compiler is on every machine this runs on). */
function realWaitsLibrary(): string {
  const source = fileURLToPath(new URL('./faketime-real-waits.c', import.meta.url));
  const library = path.join(os.tmpdir(), `portal-faketime-real-waits-${statSync(source).mtimeMs}.so`);
  if (!existsSync(library)) execFileSync('cc', ['-shared', '-fPIC', '-O2', '-o', library, source]);
  return library;
}

/**
 * Runs `start` with libfaketime preloaded for the processes it spawns (the PostgreSQL server and,
 * through it, every backend), so that PostgreSQL's clock reads the same shifted time as the test
 * processes' (tests/support/test-clock.mjs). Node itself is not run under libfaketime.
 */
async function withShiftedClock<T>(offsetMs: number, start: () => Promise<T>): Promise<T> {
  if (!existsSync(LIBFAKETIME))
    throw new Error(`TEST_NOW needs libfaketime for PostgreSQL's clock: apt-get install faketime (${LIBFAKETIME})`);
  const saved = {
    LD_PRELOAD: process.env.LD_PRELOAD,
    FAKETIME: process.env.FAKETIME,
    FAKETIME_DONT_FAKE_MONOTONIC: process.env.FAKETIME_DONT_FAKE_MONOTONIC,
  };
  Object.assign(process.env, {
    LD_PRELOAD: `${realWaitsLibrary()} ${LIBFAKETIME}`,
    FAKETIME: `${offsetMs >= 0 ? '+' : ''}${Math.round(offsetMs / 1000)}s`,
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
  });
  try {
    return await start();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

export async function createTestDatabase(options: { port?: number } = {}): Promise<TestDatabase> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stopServer = async () => {};
  const clockOffsetMs = Number(process.env.TEST_CLOCK_OFFSET_MS ?? 0);
  if (serverUrl && clockOffsetMs !== 0)
    throw new Error('TEST_NOW shifts the embedded PostgreSQL only: unset TEST_DATABASE_URL to run at another instant.');
  if (!serverUrl) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'portal-test-pg-'));
    const port = options.port ?? (await freePort());
    const start = () => startEmbeddedPostgres({ dataDir, port, persistent: false, database: 'postgres' });
    const embedded = clockOffsetMs === 0 ? await start() : await withShiftedClock(clockOffsetMs, start);
    serverUrl = embedded.url;
    stopServer = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  assertLocalDatabase(serverUrl);
  const admin = <T>(fn: (c: pg.Client) => Promise<T>) => withClient(withDatabaseName(serverUrl!, 'postgres'), fn);
  const created: string[] = [];
  const createDatabase = async (name: string) => {
    await admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${name}"`);
    });
    created.push(name);
    return withDatabaseName(serverUrl!, name);
  };
  const dropDatabase = (name: string) =>
    admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
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
