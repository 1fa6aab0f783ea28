/**
 * The backup and restore drill of the README ("Backup and restore"), run for real: a portal filled
 * with requests in every state the lifecycle reaches, packages and identity documents; `pg_dump` of
 * its database and a copy of its storage (the folder, or the bucket's objects under its prefix,
 * copied to a backup bucket); both restored into an EMPTY database and an empty folder or prefix;
 * the restored portal then passes a consistency check (rows per table, the audit log unchanged and
 * still append-only, migrations current, packages and documents decrypt with the key kept apart and
 * with no other, the job queue whole) and carries on (a due deadline job runs on a worker, a new
 * request takes the next number).
 *
 * It runs on the PostgreSQL 15 server at 127.0.0.1:5432 (BACKUP_DRILL_SERVER_URL), the one every
 * development machine and CI has, with the pg_dump and pg_restore of the same major version: the
 * embedded PostgreSQL ships only its server (initdb, pg_ctl, postgres), and Debian's pg_dump 15
 * refuses a newer server. Its two databases are its own (named BACKUP_DRILL_DATABASE_PREFIX, default
 * portal_drill, then the storage and the process id), dropped at the end. The bucket is a real
 * S3-compatible server (s3rver) on loopback.
 *   npm run test:backup                                   both storages, one after the other
 *   tsx tests/load/backup-restore.ts --storage=local|s3   one
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { Logger, runOnce } from 'graphile-worker';
import { withClient as onServer, withDatabaseName } from '../../lib/db/server-connection';
import { assertLocalDatabase } from '../support/test-database';
import { type DrillStorage, drillStorage, STORAGES, type StorageName } from './backup-storage';
import { check } from './harness';

const { values: args } = parseArgs({ options: { storage: { type: 'string', default: 'local' } } });
if (!STORAGES.includes(args.storage as StorageName))
  throw new Error(`--storage must be one of ${STORAGES.join(', ')}, not "${args.storage}"`);
const STORAGE = args.storage as StorageName;
const SERVER = process.env.BACKUP_DRILL_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const PREFIX = process.env.BACKUP_DRILL_DATABASE_PREFIX ?? 'portal_drill';
if (!/^[a-z][a-z0-9_]{0,30}$/.test(PREFIX))
  throw new Error('BACKUP_DRILL_DATABASE_PREFIX: lower-case letters, digits and _, at most 31');
const SOURCE = `${PREFIX}_${STORAGE}_${process.pid}`;
const RESTORED = `${PREFIX}_${STORAGE}_restored_${process.pid}`;

const databaseUrl = (name: string) => withDatabaseName(SERVER, name);

/** The pg_dump beside the server's own major version (Debian keeps each under /usr/lib/postgresql/<major>/bin). */
async function toolsFor(): Promise<{ dump: string; restore: string; major: number }> {
  const major = await onServer(SERVER, async (c) =>
    Math.floor(Number((await c.query('SHOW server_version_num')).rows[0].server_version_num) / 10_000),
  );
  for (const dir of [`/usr/lib/postgresql/${major}/bin`, '/usr/bin']) {
    const dump = path.join(dir, 'pg_dump');
    const version = (() => {
      try {
        return execFileSync(dump, ['--version'], { encoding: 'utf8' });
      } catch {
        return '';
      }
    })();
    if (new RegExp(`\\) ${major}\\.`).test(version)) return { dump, restore: path.join(dir, 'pg_restore'), major };
  }
  throw new Error(
    `no pg_dump ${major} on this machine for the PostgreSQL ${major} server (apt-get install postgresql-client-${major})`,
  );
}

type Snapshot = { counts: Record<string, number>; auditDigest: string; jobs: string[] };

/** Rows in every table of the portal and of the queue, a digest of the whole audit log, and the queued jobs. */
async function snapshot(url: string): Promise<Snapshot> {
  return onServer(url, async (c) => {
    const tables = (
      await c.query(
        `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
         WHERE table_schema IN ('public', 'graphile_worker') AND table_type = 'BASE TABLE' ORDER BY 1`,
      )
    ).rows.map((r) => r.name as string);
    const counts: Record<string, number> = {};
    for (const table of tables) counts[table] = Number((await c.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
    const auditDigest = (await c.query(`SELECT md5(string_agg(a::text, E'\\n' ORDER BY a.id)) AS d FROM audit_event a`))
      .rows[0].d as string;
    const jobs = (
      await c.query(
        `SELECT t.identifier || ' ' || coalesce(j.key, '-') || ' ' || j.run_at::text || ' ' || j.payload::text AS job
         FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id ORDER BY 1`,
      )
    ).rows.map((r) => r.job as string);
    return { counts, auditDigest, jobs };
  });
}

async function readAll(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

async function main() {
  const started = Date.now();
  assertLocalDatabase(SERVER);
  const tools = await toolsFor();
  const work = await mkdtemp(path.join(os.tmpdir(), 'portal-backup-drill-'));
  const storage: DrillStorage = await drillStorage(STORAGE, work);
  const dumpFile = path.join(work, 'portal.dump');
  await onServer(SERVER, async (c) => {
    for (const name of [SOURCE, RESTORED]) {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${name}"`);
    }
  });
  // The portal's configuration, before any module reads it: the storage key is kept apart from both copies.
  const storageKey = randomBytes(32).toString('base64');
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl(SOURCE),
    ...storage.sourceEnv,
    STORAGE_ENCRYPTION_KEY: storageKey,
    APP_SECRET: randomBytes(32).toString('base64url'),
    APP_URL: 'http://portal.test',
    EMAIL_TRANSPORT: 'dev',
    LOG_LEVEL: 'silent',
    RATE_LIMITS: 'false',
    FULFILMENT_DEMO: 'false',
  });
  const { db, disconnectDb } = await import('../../lib/db');
  const { keyId, resetEnvCache } = await import('../../lib/env');
  const { applyMigrations } = await import('../../lib/db/schema-engine');
  const { prepareDatabase } = await import('../../scripts/prepare-database');
  const { taskList } = await import('../../lib/worker/task-list');
  const { getObject, putObject } = await import('../../lib/storage/storage');
  const { staffIdentity } = await import('../../lib/auth/current-staff');
  const { seedInventory } = await import('../../lib/fulfilment/inventory-seed');
  const { submitRequest } = await import('../../lib/requests/submit-request');
  const { verifyRequest } = await import('../../lib/verification/verify-request');
  const { startRequest } = await import('../../lib/requests/staff/start-request');
  const { askRequester } = await import('../../lib/requests/staff/ask-requester');
  const { closeOpenTasks } = await import('../../lib/fulfilment/close-open-tasks');
  const { completeRequest } = await import('../../lib/requests/staff/complete-request');
  const { withdrawRequest } = await import('../../lib/requests/withdraw-request');
  const { expireUnverifiedRequest } = await import('../../lib/requests/expire-unverified-request');
  const { uploadEvidence } = await import('../../lib/verification/evidence/upload-evidence');
  const { openEvidence } = await import('../../lib/verification/evidence/open-evidence');
  const { aRequest, latestStatusLink, latestVerificationToken } = await import('../support/requests');
  const { aStaffMember } = await import('../support/staff');

  try {
    await prepareDatabase(databaseUrl(SOURCE));
    await seedInventory(db(), { postgresUrl: null, webhookUrl: null, webhookSecret: 'x'.repeat(32) });
    const admin = (await staffIdentity((await aStaffMember('admin')).id))!;

    // Requests in every state the lifecycle reaches, three of each.
    const packages = new Map<string, string>();
    const documents = new Map<string, string>();
    for (let i = 0; i < 3; i += 1) {
      await submitRequest({ input: aRequest(), channel: 'web' });
      const expired = await submitRequest({ input: aRequest(), channel: 'web' });
      await expireUnverifiedRequest({ requestId: expired.id, now: new Date(Date.now() + 60 * 86_400_000) });
      const verified = async (jurisdiction: 'UK' | 'US-CA' = 'UK') => {
        const input = aRequest({ jurisdiction });
        const { id } = await submitRequest({ input, channel: 'web' });
        await verifyRequest({ token: await latestVerificationToken(input.email) });
        return { id, status: await latestStatusLink(input.email) };
      };
      await verified();
      const working = await verified();
      await startRequest({ staff: admin, requestId: working.id });
      const asked = await verified();
      await startRequest({ staff: admin, requestId: asked.id });
      await askRequester({
        staff: admin,
        requestId: asked.id,
        reason: 'awaiting_clarification',
        message: 'Which account?',
      });
      const withdrawn = await verified();
      await withdrawRequest({ requestId: withdrawn.id, token: withdrawn.status.token });
      const done = await verified('US-CA');
      const document = `%PDF-1.4 passport ${i} ${randomBytes(8).toString('hex')}`;
      await uploadEvidence({
        requestId: done.id,
        statusToken: done.status.token,
        kind: 'document',
        bytes: Buffer.from(document),
      });
      const evidence = await db().identityEvidence.findFirstOrThrow({ where: { requestId: done.id } });
      documents.set(evidence.id, document);
      await startRequest({ staff: admin, requestId: done.id });
      await closeOpenTasks({ staff: admin, requestId: done.id, reason: 'Drill' });
      await completeRequest({ staff: admin, requestId: done.id, message: 'Your copy is ready.' });
      const key = `packages/${done.id}/drill.zip`;
      const content = `package ${i} ${randomBytes(2_000).toString('base64')}`;
      const { size } = await putObject(key, Readable.from([content]));
      await db().dataPackage.update({
        where: { requestId: done.id },
        data: {
          status: 'ready',
          storageKey: key,
          size,
          builtAt: new Date(),
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      packages.set(key, content);
    }
    const statuses = await db().privacyRequest.groupBy({ by: ['status'], _count: true });
    console.log(`[backup] filled: ${statuses.map((s) => `${s.status} ${s._count}`).join(', ')}`);
    check(
      ['unverified', 'verified', 'in_progress', 'awaiting_requester', 'completed', 'denied', 'withdrawn'].every((s) =>
        statuses.some((row) => row.status === s),
      ),
      'the portal holds requests in every state the lifecycle reaches (expiry closes as denied)',
    );
    const before = await snapshot(databaseUrl(SOURCE));
    await disconnectDb();

    // Backup: the database with pg_dump (custom format), the storage as it is (ciphertext only).
    const dumpStarted = Date.now();
    execFileSync(tools.dump, [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      '--file',
      dumpFile,
      databaseUrl(SOURCE),
    ]);
    const dumpMs = Date.now() - dumpStarted;
    const copied = await storage.backup();
    check(
      copied.objects >= packages.size + documents.size,
      `the storage backup (${storage.describe.backup}) holds ${copied.objects} objects`,
    );
    const plaintexts = [...packages.values(), ...documents.values()];
    check(
      copied.contents.every((bytes) => plaintexts.every((plain) => !bytes.includes(plain.slice(0, 40)))),
      'the storage backup is ciphertext only: no package or document readable in it',
    );

    // Restore into an empty database and an empty storage copy.
    const emptyTables = await onServer(databaseUrl(RESTORED), async (c) =>
      Number(
        (await c.query(`SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'`)).rows[0].count,
      ),
    );
    check(emptyTables === 0, 'the database restored into is empty');
    check((await storage.restoredObjects()) === 0, `the storage restored into is empty (${storage.describe.restored})`);
    const restoreStarted = Date.now();
    execFileSync(tools.restore, [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--dbname',
      databaseUrl(RESTORED),
      dumpFile,
    ]);
    await storage.restore();
    const restoreMs = Date.now() - restoreStarted;
    process.env.DATABASE_URL = databaseUrl(RESTORED);
    Object.assign(process.env, storage.restoredEnv);
    resetEnvCache();

    // Consistency check.
    const after = await snapshot(databaseUrl(RESTORED));
    const differing = Object.keys({ ...before.counts, ...after.counts }).filter(
      (t) => before.counts[t] !== after.counts[t],
    );
    check(
      differing.length === 0,
      `rows per table equal in all ${Object.keys(after.counts).length} tables ${differing.join(' ')}`,
    );
    check(
      after.auditDigest === before.auditDigest,
      `the audit log is the same, row for row (${after.counts['public.audit_event']} events)`,
    );
    const appendOnly = await db()
      .$executeRawUnsafe(`UPDATE audit_event SET summary = 'changed' WHERE id = (SELECT min(id) FROM audit_event)`)
      .then(
        () => false,
        () => true,
      );
    check(appendOnly, 'the restored audit log still refuses changes (its guard triggers came back)');
    check((await applyMigrations(databaseUrl(RESTORED))).length === 0, 'every migration is recorded as applied');
    for (const [key, content] of packages) {
      if ((await readAll(getObject(key))) !== content) throw new Error(`FAILED: package ${key} differs`);
    }
    check(true, `${packages.size} packages decrypt from the storage copy with the same key, byte for byte`);
    // Without its key the copy is useless: the key is part of the backup, kept elsewhere.
    process.env.STORAGE_ENCRYPTION_KEY = randomBytes(32).toString('base64');
    resetEnvCache();
    const [aPackage] = packages.keys();
    const needed = `sealed under key ${keyId(Buffer.from(storageKey, 'base64'))}, which is not configured`;
    const unreadable = await readAll(getObject(aPackage)).then(
      () => false,
      (error: Error) => error.message.includes(needed),
    );
    process.env.STORAGE_ENCRYPTION_KEY = storageKey;
    resetEnvCache();
    check(unreadable, 'under another storage key the restored objects do not open, and the error names the key');
    for (const [evidenceId, content] of documents) {
      const opened = await openEvidence({ staff: admin, evidenceId });
      if ((await readAll(opened.stream)) !== content) throw new Error(`FAILED: document ${evidenceId} differs`);
    }
    check(true, `${documents.size} identity documents open for a reviewer`);
    check(
      after.jobs.length > 0 && after.jobs.join('\n') === before.jobs.join('\n'),
      `the job queue is whole: ${after.jobs.length} jobs, same tasks, keys, times and payloads`,
    );

    // The restored portal carries on: a due deadline job runs on a worker, emails go out, numbers continue.
    const [due] = await db().$queryRaw<{ id: bigint }[]>`
      UPDATE graphile_worker._private_jobs SET run_at = now()
      WHERE id = (SELECT j.id FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
                  WHERE t.identifier = 'deadline-reminder' ORDER BY j.run_at LIMIT 1)
      RETURNING id`;
    check(Boolean(due), 'a deadline reminder is scheduled in the restored queue');
    const pendingEmails = await db().outboxEmail.count({ where: { sentAt: null } });
    // runOnce can return while its last completions are still being written: run it until they are.
    let left: { id: bigint; task: string; last_error: string | null }[] = [];
    for (let round = 0; round < 20; round += 1) {
      await runOnce({
        connectionString: databaseUrl(RESTORED),
        taskList,
        logger: new Logger(() => () => {}),
        preset: { worker: { completeJobBatchDelay: -1, failJobBatchDelay: -1 } },
      });
      left = await db().$queryRaw`
        SELECT j.id, t.identifier AS task, j.last_error FROM graphile_worker._private_jobs j
        JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE j.id = ${due.id} OR j.last_error IS NOT NULL`;
      if (left.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    for (const job of left) console.log(`[backup] job ${job.task}: ${job.last_error?.slice(0, 300) ?? 'not run'}`);
    check(left.length === 0, 'the deadline job ran on a worker against the restored database, and no job failed');
    const stillPending = await db().outboxEmail.count({ where: { sentAt: null } });
    check(
      stillPending < pendingEmails,
      `queued emails went out (${pendingEmails} pending before, ${stillPending} after)`,
    );
    const highest = Math.max(
      ...(await db().privacyRequest.findMany({ select: { number: true } })).map((r) => r.number),
    );
    const next = await submitRequest({ input: aRequest(), channel: 'web' });
    const row = await db().privacyRequest.findUniqueOrThrow({ where: { id: next.id } });
    check(row.number === highest + 1, `a new request takes the next number (${row.number})`);

    const dumpBytes = (await stat(dumpFile)).size;
    console.log(
      `[backup] PostgreSQL ${tools.major}, ${STORAGE} storage: ${Object.values(before.counts).reduce((a, b) => a + b, 0)} rows, dump ${dumpBytes} bytes in ${dumpMs} ms, restore ${restoreMs} ms (database and storage); storage ${copied.objects} objects; drill ${Date.now() - started} ms`,
    );
  } finally {
    await disconnectDb();
    await storage.stop();
    await onServer(SERVER, async (c) => {
      for (const name of [SOURCE, RESTORED]) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
    await rm(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
