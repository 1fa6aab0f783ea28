/**
 * Readiness: whether this instance can serve requests now. The database answers, every migration in
 * prisma/migrations is applied (and the job queue's schema exists), and storage takes a write. A load
 * balancer or Kubernetes' readinessProbe sends traffic elsewhere while it is not; liveness
 * (/api/health/live) only says that the process answers, so a database outage never restarts it.
 */
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { db } from '../db';
import { deleteObject, putObject } from '../storage/storage';

export type Readiness = {
  ready: boolean;
  checks: {
    database: 'ok' | 'unavailable';
    migrations: 'ok' | 'pending' | 'unknown';
    storage: 'ok' | 'unavailable';
  };
};

const CHECK_TIMEOUT_MS = 2000;

function within<T>(promise: Promise<T>, ms = CHECK_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function migrationsApplied(): Promise<'ok' | 'pending'> {
  const folder = path.resolve(process.cwd(), 'prisma/migrations');
  const expected = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const [{ applied, queue }] = await db().$queryRaw<[{ applied: string[] | null; queue: boolean }]>`
    SELECT (SELECT array_agg(migration_name) FROM _prisma_migrations
             WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL) AS applied,
           to_regclass('graphile_worker._private_jobs') IS NOT NULL AS queue`;
  const done = new Set(applied ?? []);
  return queue && expected.every((name) => done.has(name)) ? 'ok' : 'pending';
}

async function storageWritable(): Promise<void> {
  // Each probe writes and deletes its own object, so probes from several instances never collide.
  const key = `health/${randomUUID()}`;
  await putObject(key, Readable.from(['ready']));
  await deleteObject(key);
}

export async function checkReadiness(): Promise<Readiness> {
  const [database, migrations, storage] = await Promise.allSettled([
    within(db().$queryRaw`SELECT 1`),
    within(migrationsApplied()),
    within(storageWritable()),
  ]);
  const checks: Readiness['checks'] = {
    database: database.status === 'fulfilled' ? 'ok' : 'unavailable',
    // With the database down, whether migrations are applied cannot be known.
    migrations:
      migrations.status === 'fulfilled' ? migrations.value : database.status === 'fulfilled' ? 'pending' : 'unknown',
    storage: storage.status === 'fulfilled' ? 'ok' : 'unavailable',
  };
  return { ready: Object.values(checks).every((value) => value === 'ok'), checks };
}
