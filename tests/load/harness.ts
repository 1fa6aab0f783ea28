/**
 * What the load scripts share: a PostgreSQL they can stop and start again (embedded, in a throwaway
 * directory), the built app served as `npm start` serves it (scripts/app-server.ts), and worker processes.
 * Everything runs on this machine; the scripts refuse a non-local database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../../lib/db/embedded-postgres';
import { freePort } from '../support/test-database';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type RestartableDatabase = {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
};

/** On `port` when given (a run that must not collide with other local servers), else on a free one. */
export async function restartableDatabase(options: { port?: number } = {}): Promise<RestartableDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'portal-load-pg-'));
  const port = options.port ?? (await freePort());
  let server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
  let up = true;
  return {
    url: server.url,
    async stop() {
      if (up) await server.stop();
      up = false;
    },
    async start() {
      if (!up) server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
      up = true;
    },
    async destroy() {
      if (up) await server.stop().catch(() => {});
      up = false;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type Proc = { child: ChildProcess; output: () => string; stop(signal?: NodeJS.Signals): Promise<void> };

/** A process leading its own group, so a kill reaches every child (tsx relays nothing on SIGKILL). */
export function startProcess(command: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (c: Buffer) => {
    output += c.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          // already gone
        }
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    },
  };
}

/** The production build, served by scripts/app-server.ts in a process of its own, as `npm start` does. */
export async function startApp(options: {
  databaseUrl: string;
  env?: Record<string, string>;
}): Promise<{ url: string; proc: Proc }> {
  if (!existsSync(path.join(ROOT, '.next/BUILD_ID')))
    throw new Error('No production build: run `npm run build` first.');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // APP_NODE_FLAGS passes Node flags to the app only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile a benchmark).
  const nodeFlags = process.env.APP_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const proc = startProcess(process.execPath, [...nodeFlags, '--import', 'tsx', 'scripts/app-server.ts', 'start'], {
    NODE_ENV: 'production',
    DATABASE_URL: options.databaseUrl,
    PORT: String(port),
    APP_URL: url,
    NEXTAUTH_URL: url,
    APP_SECRET: 'load-test-secret-load-test-secret-load-test',
    EMAIL_TRANSPORT: 'dev',
    FORM_MIN_FILL_SECONDS: '0',
    // Every load request comes from this machine's one address: the per-address limits (proven in
    // tests/integration/rate-limits.test.ts) are raised so that they count but never stop the run.
    RATE_LIMIT_SUBMIT_PER_IP: '1000000',
    RATE_LIMIT_RESEND_PER_IP: '1000000',
    RATE_LIMIT_FAILED_LOOKUPS_PER_IP: '1000000',
    LOG_LEVEL: 'warn',
    ...options.env,
  });
  await waitFor(
    async () => (await fetch(`${url}/api/health`).catch(() => null))?.status === 200,
    60_000,
    () => proc.output(),
  );
  return { url, proc };
}

export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  describe: () => string = () => '',
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms\n${describe().slice(-5000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function check(condition: boolean, message: string) {
  if (!condition) throw new Error(`FAILED: ${message}`);
  console.log(`  ok  ${message}`);
}
