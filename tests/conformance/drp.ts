/**
 * DRP 1.0 conformance against OSIRAA, Consumer Reports' reference Authorized Agent: its own request
 * builders, signer and checks (through the driver in DRP_CONFORMANCE_DIR, default
 * ../shared/conformance/drp beside the repository) against the production build, served as
 * `npm start` serves it, on a throwaway embedded PostgreSQL of its own. Exits as the driver does:
 * 0 only when every counted check passed with HTTP 200 on every call.
 *   npm run build && npm run test:drp [-- --actions access,deletion,sale:opt-out]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { prepareDatabase } from '../../scripts/prepare-database';
import { ROOT, restartableDatabase, startApp } from '../load/harness';

const BUSINESS_ID = 'BITSTRIDE';
const PYTHON = '/usr/bin/python3';

async function main() {
  const dir = path.resolve(ROOT, process.env.DRP_CONFORMANCE_DIR ?? '../shared/conformance/drp');
  const driver = path.join(dir, 'run-osiraa.py');
  if (!existsSync(driver)) throw new Error(`No OSIRAA driver at ${driver} (set DRP_CONFORMANCE_DIR).`);
  const state = await mkdtemp(path.join(os.tmpdir(), 'portal-drp-osiraa-'));
  const prepared = spawnSync(PYTHON, [driver, 'prepare', '--state', state], { stdio: 'inherit' });
  if (prepared.status !== 0) throw new Error('run-osiraa.py prepare failed');
  // The driver listens for status callbacks on loopback: this agent's record allows private networks.
  const agents = (JSON.parse(await readFile(path.join(state, 'drp-agents.json'), 'utf8')) as object[]).map((a) => ({
    ...a,
    allowPrivateNetworks: true,
  }));

  const database = await restartableDatabase();
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let status = 1;
  try {
    await prepareDatabase(database.url);
    app = await startApp({
      databaseUrl: database.url,
      env: {
        WORKER_IN_PROCESS: 'true',
        DRP_ENABLED: 'true',
        DRP_BUSINESS_ID: BUSINESS_ID,
        DRP_AGENTS: JSON.stringify(agents),
      },
    });
    // The exercise endpoint with the trailing slash of DRP before 0.9.3 reaches the handler (403 without
    // a token), not a redirect.
    const slash = await fetch(`${app.url}/api/drp/v1/data-rights-request/`, { method: 'POST', redirect: 'manual' });
    if (slash.status !== 403) throw new Error(`POST /v1/data-rights-request/ answered ${slash.status}, not 403`);
    console.log(
      '[drp] POST /api/drp/v1/data-rights-request/ (trailing slash) reaches the handler: 403 without a token',
    );
    const run = spawnSync(
      PYTHON,
      [driver, 'run', '--state', state, `${app.url}/api/drp`, BUSINESS_ID, ...process.argv.slice(2)],
      { stdio: 'inherit' },
    );
    status = run.status ?? 1;
    if (status !== 0)
      console.error(`[drp] OSIRAA's report: ${path.join(state, 'report.json')}\n${app.proc.output().slice(-3000)}`);
  } finally {
    await app?.proc.stop();
    await database.destroy();
    if (status === 0) await rm(state, { recursive: true, force: true });
  }
  process.exit(status);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
