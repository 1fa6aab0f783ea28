/**
 * Shared by `npm run dev` and `npm start`: a database (DATABASE_URL, or the embedded PostgreSQL),
 * migrations applied, then Next.js with that database, served by scripts/app-server.ts (which
 * decides each request's client address from the connection). The job worker starts inside the
 * Next.js server (instrumentation.ts) unless WORKER_IN_PROCESS=false.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { resolveDatabase } from './database';
import { prepareDatabase } from './prepare-database';
import { seed } from './seed';

export async function runApp(mode: 'dev' | 'start') {
  const startedAt = Date.now();
  // The seed and the configuration checks run here too: they must see the mode Next.js will run in.
  (process.env as Record<string, string>).NODE_ENV ??= mode === 'start' ? 'production' : 'development';
  const database = await resolveDatabase();
  if (database.embedded) console.log(`[db] embedded PostgreSQL at ${database.url.replace(/:[^:@/]+@/, ':***@')}`);
  await prepareDatabase(database.url);
  await seed();
  const port = process.env.PORT ?? '3000';
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/app-server.ts', mode], {
    // APP_LOG_FILE: a copy of everything the server logs (the log-redaction e2e test reads it).
    stdio: process.env.APP_LOG_FILE ? ['inherit', 'pipe', 'pipe'] : 'inherit',
    // next-auth builds its links from NEXTAUTH_URL: the same public address as every other link.
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: port,
      APP_URL: appUrl,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
    },
  });
  if (process.env.APP_LOG_FILE) {
    const file = createWriteStream(process.env.APP_LOG_FILE, { flags: 'a' });
    child.stdout?.on('data', (chunk: Buffer) => (process.stdout.write(chunk), file.write(chunk)));
    child.stderr?.on('data', (chunk: Buffer) => (process.stderr.write(chunk), file.write(chunk)));
  }
  console.log(
    `[app] starting Next.js (${mode}) on http://localhost:${port} after ${Date.now() - startedAt} ms of setup`,
  );

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    child.kill('SIGTERM');
    await database.stop().catch(() => {});
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  child.on('exit', (code) => void stop(code ?? 0));
}
