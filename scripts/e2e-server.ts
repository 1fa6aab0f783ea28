/** The server the Playwright tests run against: `npm start` on a fresh embedded database. */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { runApp } from './run-app';

async function main() {
  delete process.env.DATABASE_URL;
  delete process.env.RESEND_API_KEY;
  await rm(process.env.EMBEDDED_PG_DIR ?? '.data/e2e/postgres', { recursive: true, force: true });
  if (process.env.APP_LOG_FILE) {
    await mkdir(path.dirname(process.env.APP_LOG_FILE), { recursive: true });
    await rm(process.env.APP_LOG_FILE, { force: true });
  }
  await runApp('start');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
