import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { db } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { runPostgresConnector } from '../../lib/fulfilment/connectors/postgres-connector';
import { isPrivateAddress } from '../../lib/fulfilment/connectors/network-guard';
import { sign, verifySignature } from '../../lib/fulfilment/connectors/signing';
import { listTasks } from '../../lib/fulfilment/list-tasks';
import { readOutcome } from '../../lib/fulfilment/outcome';
import { receiveWebhookCallback } from '../../lib/fulfilment/receive-callback';
import type { NewRequest } from '../../lib/universal/request-schema';
import { startRequest } from '../../lib/requests/staff/start-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { hashToken } from '../../lib/security/tokens';
import { getObject } from '../../lib/storage/storage';
import { verifyRequest } from '../../lib/verification/verify-request';
import { aDemoPerson, demoDatabase, seededInventory } from '../support/fulfilment';
import { runDueJobs } from '../support/jobs';
import { queuedJobs, resetDatabase } from '../support/reset-database';
import { aRequest, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';
import { startWebhookSystem } from '../support/webhook-system';

const SECRET = 'a-shared-secret-of-at-least-32-characters!!';
let reviewer: StaffIdentity;
let storageRoot: string;
let system: Awaited<ReturnType<typeof startWebhookSystem>>;

beforeAll(async () => {
  storageRoot = await mkdtemp(path.join(os.tmpdir(), 'portal-storage-'));
  process.env.STORAGE_ROOT = storageRoot;
  process.env.CONNECTOR_MAX_RESPONSE_MB = '0.01';
  resetEnvCache();
  system = await startWebhookSystem();
});

afterAll(async () => {
  await system.close();
});

beforeEach(async () => {
  await resetDatabase();
  reviewer = await aStaffIdentity('reviewer');
  await seededInventory({ webhookUrl: system.url, webhookSecret: SECRET });
  await db().dataSystem.update({ where: { key: 'support' }, data: { allowPrivateNetwork: true } });
});

async function started(overrides: Partial<NewRequest> = {}) {
  const input = aRequest(overrides);
  await aDemoPerson(input.email);
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  await startRequest({ staff: reviewer, requestId: created.id });
  return { input, ...created };
}

async function readAll(key: string) {
  const chunks: Buffer[] = [];
  for await (const c of getObject(key)) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const taskOf = async (requestId: string, key: string) =>
  (await listTasks({ staff: reviewer, requestId })).find((t) => t.system?.key === key)!;

describe('PostgreSQL connector', () => {
  it("collect streams the subject's rows into encrypted data sets", async () => {
    system.json(200, { status: 'done', data: { tickets: [] } });
    const r = await started({ types: ['access'] });
    await runDueJobs();
    const accounts = await taskOf(r.id, 'accounts');
    expect(accounts.status).toBe('done');
    const outcome = readOutcome(accounts.outcome);
    expect(outcome.datasets!.map((d) => [d.name, d.rows])).toEqual([
      ['account', 1],
      ['api_keys', 2],
    ]);
    const account = JSON.parse((await readAll(outcome.datasets![0].storageKey)).trim());
    expect(account).toMatchObject({ email: r.input.email, name: 'Ada Example', organization: 'Example Ltd' });
    const usage = readOutcome((await taskOf(r.id, 'usage')).outcome);
    expect(usage.datasets![0].rows).toBe(12);
    // At rest the file is ciphertext: the email is nowhere in it.
    const raw = await readFile(path.join(storageRoot, outcome.datasets![0].storageKey));
    expect(raw.includes(Buffer.from(r.input.email))).toBe(false);
  });

  it('erase runs in a transaction and records affected rows; the data is gone', async () => {
    system.json(200, { status: 'done', confirmation: '1 ticket deleted' });
    const r = await started({ types: ['deletion'] });
    await runDueJobs();
    expect(readOutcome((await taskOf(r.id, 'accounts')).outcome).statements).toEqual([
      { name: 'api_keys', rows: 2 },
      { name: 'account', rows: 1 },
    ]);
    expect(readOutcome((await taskOf(r.id, 'usage')).outcome).statements).toEqual([{ name: 'usage_events', rows: 12 }]);
    const client = new pg.Client({ connectionString: await demoDatabase() });
    await client.connect();
    const left = await client.query('SELECT count(*)::int AS n FROM accounts WHERE email = $1', [r.input.email]);
    await client.end();
    expect(left.rows[0].n).toBe(0);
  });

  it('acts only for the proven address: an account email named but never proved is neither copied nor erased', async () => {
    system.json(200, { status: 'done', data: { tickets: [] }, confirmation: 'nothing found' });
    const someoneElse = `someone.else.${Date.now()}@example.com`;
    await aDemoPerson(someoneElse);
    const r = await started({ types: ['access', 'deletion'], accountEmail: someoneElse });
    await runDueJobs();
    const accounts = await taskOf(r.id, 'accounts');
    expect(accounts.status).toBe('done');
    const outcome = readOutcome(accounts.outcome);
    for (const dataset of outcome.datasets ?? []) expect(await readAll(dataset.storageKey)).not.toContain(someoneElse);
    for (const job of system.jobs) expect(JSON.stringify(job.body.subject)).not.toContain(someoneElse.toLowerCase());
    const client = new pg.Client({ connectionString: await demoDatabase() });
    await client.connect();
    const left = await client.query('SELECT count(*)::int AS n FROM accounts WHERE email = $1', [someoneElse]);
    await client.end();
    expect(left.rows[0].n).toBe(1);
  });

  it('binds identifiers as parameters: SQL in an identifier is data, never SQL', async () => {
    const url = await demoDatabase();
    await aDemoPerson('someone.else@example.com');
    const statements = {
      collect: [{ name: 'account', sql: 'SELECT email FROM accounts WHERE lower(email) = lower($1)' }],
      erase: [{ name: 'account', sql: 'DELETE FROM accounts WHERE lower(email) = lower($1)' }],
    };
    const hostile = "x' OR '1'='1";
    const collected = await runPostgresConnector(
      { connectionUrl: url, statements },
      { taskId: '00000000-0000-4000-8000-000000000001', type: 'collect', identities: [hostile], change: null },
    );
    expect(collected.datasets![0].rows).toBe(0);
    const erased = await runPostgresConnector(
      { connectionUrl: url, statements },
      { taskId: '00000000-0000-4000-8000-000000000001', type: 'erase', identities: [hostile], change: null },
    );
    expect(erased.statements).toEqual([{ name: 'account', rows: 0 }]);
    await expect(
      runPostgresConnector(
        { connectionUrl: url, statements: { erase: [{ name: 'x', sql: 'DELETE FROM nope WHERE email = $1' }] } },
        { taskId: '00000000-0000-4000-8000-000000000001', type: 'erase', identities: ['a@b.c'], change: null },
      ),
    ).rejects.toThrow(/refused a statement/);
  });

  it('a connection lost mid-statement is a retryable failure, never an uncaught error that ends the process', async () => {
    const url = await demoDatabase();
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => void uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const running = runPostgresConnector(
        {
          connectionUrl: url,
          statements: {
            collect: [{ name: 'slow', sql: 'SELECT 1 AS n FROM pg_sleep(20) WHERE $1::text IS NOT NULL' }],
          },
        },
        { taskId: '00000000-0000-4000-8000-000000000002', type: 'collect', identities: ['a@b.c'], change: null },
      );
      running.catch(() => {});
      let terminated = false;
      for (let i = 0; i < 200 && !terminated; i++) {
        const { rows } = await admin.query(
          `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
           WHERE application_name = 'privacy-portal-connector' AND query LIKE 'FETCH%' AND state = 'active'`,
        );
        terminated = rows.length > 0;
        if (!terminated) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(terminated).toBe(true);
      await expect(running).rejects.toMatchObject({ name: 'ConnectorError', retryable: true });
      await new Promise((resolve) => setTimeout(resolve, 200)); // the socket's end follows the error
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await admin.end();
    }
  });
});

describe('webhook connector', () => {
  it('POSTs a signed, timestamped job and takes a synchronous answer with data', async () => {
    system.json(200, {
      status: 'done',
      data: { tickets: [{ subject: 'Quota', body: 'More please' }] },
      confirmation: '1 ticket',
    });
    const r = await started({ types: ['access'] });
    await runDueJobs();
    const job = system.jobs.at(-1)!;
    expect(job.body).toMatchObject({
      reference: r.reference,
      taskType: 'collect',
      subject: { identities: [{ type: 'email', value: r.input.email.toLowerCase() }] },
    });
    expect(String(job.body.callbackUrl)).toMatch(
      /^http:\/\/portal\.test\/api\/fulfilment\/callbacks\/[0-9a-f-]{36}\?token=/,
    );
    expect(verifySignature(SECRET, job.raw, job.headers['x-portal-signature'] as string)).toMatchObject({ ok: true });
    expect(
      verifySignature('another-secret-another-secret-another', job.raw, job.headers['x-portal-signature'] as string),
    ).toMatchObject({ ok: false, reason: 'mismatch' });
    const support = await taskOf(r.id, 'support');
    expect(support.status).toBe('done');
    expect(JSON.parse(await readAll(readOutcome(support.outcome).datasets![0].storageKey))).toEqual({
      subject: 'Quota',
      body: 'More please',
    });
  });

  it('a later answer on the callback is accepted once: replays, stale timestamps and bad signatures are refused', async () => {
    system.json(202, { status: 'accepted' });
    const r = await started({ types: ['deletion'] });
    await runDueJobs();
    const task = await taskOf(r.id, 'support');
    expect(task.status).toBe('running');
    const url = new URL(String(system.jobs.at(-1)!.body.callbackUrl));
    const token = url.searchParams.get('token');
    const body = JSON.stringify({
      status: 'done',
      confirmation: '3 tickets deleted',
      kept: 'Invoices discussed in tickets: 10 years (tax law)',
    });
    await expect(
      receiveWebhookCallback({
        taskId: task.id,
        token,
        signature: sign('wrong-secret-wrong-secret-wrong-secret', body),
        body,
      }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(
      receiveWebhookCallback({ taskId: task.id, token, signature: sign(SECRET, body, Date.now() - 10 * 60_000), body }),
    ).rejects.toThrow(/outside the 300-second window/);
    await expect(
      receiveWebhookCallback({ taskId: task.id, token: 'not-the-token', signature: sign(SECRET, body), body }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const signature = sign(SECRET, body);
    expect(await receiveWebhookCallback({ taskId: task.id, token, signature, body })).toEqual({ status: 'done' });
    const done = await taskOf(r.id, 'support');
    expect(readOutcome(done.outcome)).toMatchObject({
      confirmation: '3 tickets deleted',
      kept: 'Invoices discussed in tickets: 10 years (tax law)',
    });
    // The same message again: the token is spent; and with the token restored, the signature is remembered.
    await expect(receiveWebhookCallback({ taskId: task.id, token, signature, body })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await db().fulfilmentTask.update({
      where: { id: task.id },
      data: { status: 'running', callbackTokenHash: hashToken(token!) },
    });
    await expect(receiveWebhookCallback({ taskId: task.id, token, signature, body })).rejects.toThrow(/replay/);
  });

  it('a misbehaving system fails only its task, visibly: oversized, not JSON, wrong schema, wrong content type', async () => {
    const cases: [() => void, RegExp][] = [
      [
        () => system.json(200, { status: 'done', data: { tickets: [{ body: 'x'.repeat(20_000) }] } }),
        /larger than the 10485 byte limit/,
      ],
      [() => system.json(200, '<html>oops</html>', 'application/json'), /not JSON/],
      [() => system.json(200, { status: 'finished' }), /does not match the connector schema/],
      [() => system.json(200, { status: 'done' }, 'text/html'), /instead of JSON/],
      [() => system.json(200, { status: 'done' }), /collect answer must carry `data`/],
    ];
    for (const [arrange, message] of cases) {
      arrange();
      const r = await started({ types: ['access'] });
      await runDueJobs();
      const support = await taskOf(r.id, 'support');
      expect(support.status, String(message)).toBe('failed');
      expect(support.lastError).toMatch(message);
      expect((await taskOf(r.id, 'accounts')).status).toBe('done');
      expect((await db().privacyRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('in_progress');
    }
  });

  it('a server error is retried on the queue; the error shows meanwhile', async () => {
    system.json(503, { error: 'down' });
    const r = await started({ types: ['access'] });
    await runDueJobs();
    const support = await taskOf(r.id, 'support');
    expect(support.status).toBe('open');
    expect(support.lastError).toMatch(/HTTP 503\. \(will retry\)/);
    const [job] = (await queuedJobs('run-fulfilment-task')).filter((j) => j.payload.taskId === support.id);
    expect(job.attempts).toBe(1);
  });

  it('refuses private and loopback addresses unless an admin allowed them', async () => {
    await db().dataSystem.update({ where: { key: 'support' }, data: { allowPrivateNetwork: false } });
    const before = system.jobs.length;
    const r = await started({ types: ['access'] });
    await runDueJobs();
    const support = await taskOf(r.id, 'support');
    expect(support.status).toBe('failed');
    expect(support.lastError).toMatch(/private or loopback address/);
    expect(system.jobs.length).toBe(before);
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '203.0.113.9', '2606:4700::1111']) expect(isPrivateAddress(ip), ip).toBe(false);
    expect(await readdir(storageRoot)).toBeDefined();
  });
});
