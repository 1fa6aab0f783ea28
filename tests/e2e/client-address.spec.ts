/**
 * Who the client is, on the real server (`npm start`: scripts/run-app.ts and scripts/app-server.ts
 * over the production build). Two servers of their own, each on a fresh database beside the e2e
 * server's, with a submission limit of 2 an hour per address: one with no trusted proxy (the
 * default), one behind a proxy at 127.0.0.1 (TRUSTED_PROXIES=127.0.0.1), which is this test itself.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { E2E_DATABASE_URL } from './db';
import { uniqueEmail } from './support';

test.describe.configure({ mode: 'serial' });

type Server = { url: string; database: string; child: ChildProcess; output: () => string };

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function databaseUrl(name: string) {
  const url = new URL(E2E_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** `npm start` on a database of its own, in its own process group (stopped with everything it started). */
async function startServer(env: Record<string, string>): Promise<Server> {
  const database = `client_address_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${database}`));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl(database),
      PORT: String(port),
      APP_URL: url,
      APP_SECRET: 'client-address-secret-client-address-secret',
      EMAIL_TRANSPORT: 'dev',
      WORKER_IN_PROCESS: 'false',
      FULFILMENT_DEMO: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_SUBMIT_PER_IP: '2',
      ...env,
    },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const server = { url, database, child, output: () => output };
  await expect
    .poll(async () => (await fetch(`${url}/api/health`).catch(() => null))?.status, {
      timeout: 90_000,
      intervals: [250, 500],
      message: `the server did not start:\n${output.slice(-3000)}`,
    })
    .toBe(200);
  return server;
}

async function stopServer(server: Server | undefined) {
  if (!server) return;
  if (server.child.exitCode === null) {
    const exited = once(server.child, 'exit');
    process.kill(-server.child.pid!, 'SIGTERM');
    await exited;
  }
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${server.database} WITH (FORCE)`));
}

/** A submission through the JSON API, from 127.0.0.1 unless `localAddress` says otherwise. */
function submit(server: Server, headers: Record<string, string> = {}, localAddress?: string) {
  const body = JSON.stringify({ email: uniqueEmail('address'), types: ['access'], jurisdiction: 'UK', confirm: true });
  return new Promise<{ status: number; id?: string }>((resolve, reject) => {
    const request = http.request(
      `${server.url}/api/v1/requests`,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, id: JSON.parse(text).id }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** The address the portal kept as evidence for a request: on the request and on its audit event. */
async function recordedAddress(server: Server, requestId: string) {
  const client = new pg.Client({ connectionString: databaseUrl(server.database) });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT r.submitted_ip, a.ip FROM privacy_request r JOIN audit_event a ON a.request_id = r.id
       WHERE r.id = $1 AND a.action = 'request.submitted'`,
      [requestId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].ip).toBe(rows[0].submitted_ip);
    return rows[0].submitted_ip as string;
  } finally {
    await client.end();
  }
}

let direct: Server | undefined;
let behindProxy: Server | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  [direct, behindProxy] = await Promise.all([startServer({}), startServer({ TRUSTED_PROXIES: '127.0.0.1' })]);
});

test.afterAll(async () => {
  await Promise.all([stopServer(direct), stopServer(behindProxy)]);
});

test('with no trusted proxy, a limited client stays limited whatever address its headers name', async () => {
  const server = direct!;
  const first = await submit(server, { 'x-forwarded-for': '198.51.100.1' });
  expect(first.status).toBe(201);
  expect(await recordedAddress(server, first.id!)).toBe('127.0.0.1');
  expect((await submit(server)).status).toBe(201);
  expect((await submit(server)).status).toBe(429);
  expect((await submit(server, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
  expect((await submit(server, { 'x-forwarded-for': '203.0.113.9, 203.0.113.10' })).status).toBe(429);
  expect((await submit(server, { 'x-real-ip': '203.0.113.9' })).status).toBe(429);
  expect((await submit(server, { forwarded: 'for=203.0.113.9', 'true-client-ip': '203.0.113.9' })).status).toBe(429);
});

test('behind a trusted proxy, the address it forwards is the client limited and recorded', async () => {
  const server = behindProxy!;
  const first = await submit(server, { 'x-forwarded-for': '203.0.113.9' });
  expect(first.status).toBe(201);
  expect(await recordedAddress(server, first.id!)).toBe('203.0.113.9');
  // The client prepended an address of its choice; the proxy appended the real one.
  const second = await submit(server, { 'x-forwarded-for': '192.0.2.66, 203.0.113.9' });
  expect(second.status).toBe(201);
  expect(await recordedAddress(server, second.id!)).toBe('203.0.113.9');
  expect((await submit(server, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
  expect((await submit(server, { 'x-forwarded-for': '203.0.113.10, 203.0.113.9' })).status).toBe(429);
  // Another client behind the same proxy has its own count.
  const other = await submit(server, { 'x-forwarded-for': '203.0.113.10' });
  expect(other.status).toBe(201);
  expect(await recordedAddress(server, other.id!)).toBe('203.0.113.10');
});

test('behind a trusted proxy, a client that reaches the server directly is not believed', async () => {
  const server = behindProxy!;
  // 127.0.0.2 is on this machine too, but is not the proxy.
  const direct = await submit(
    server,
    { 'x-forwarded-for': '198.51.100.77', 'x-real-ip': '198.51.100.77' },
    '127.0.0.2',
  );
  expect(direct.status).toBe(201);
  expect(await recordedAddress(server, direct.id!)).toBe('127.0.0.2');
});
