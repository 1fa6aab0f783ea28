/**
 * `npm run keys:rekey`: after a key rotation (README, "Rotating keys"), starts moving every email
 * hash, sealed secret and stored object to APP_SECRET and STORAGE_ENCRYPTION_KEY (and sealing any
 * connector secret still plain from before sealing); a worker does the work, batch by
 * batch. `npm run keys:rekey -- --status` only shows the runs. Run it with the same configuration as
 * the portal, so that it names the same keys.
 */
import os from 'node:os';
import { db, disconnectDb } from '../lib/db';
import { env } from '../lib/env';
import { countLeftToRekey } from '../lib/keys/count-left-to-rekey';
import { startRekey } from '../lib/keys/start-rekey';
import { resolveDatabase } from './database';
import { prepareDatabase } from './prepare-database';

async function main() {
  const database = await resolveDatabase();
  await prepareDatabase(database.url);
  const { appSecrets, storageKeys } = env();
  console.log(
    `APP_SECRET key id ${appSecrets[0].id} (previous: ${
      appSecrets
        .slice(1)
        .map((k) => k.id)
        .join(', ') || 'none'
    })`,
  );
  console.log(
    `Storage key id ${storageKeys[0].id} (also read: ${
      storageKeys
        .slice(1)
        .map((k) => k.id)
        .join(', ') || 'none'
    })`,
  );
  if (!process.argv.includes('--status')) {
    const { runId, started } = await startRekey({ startedBy: `cli:${os.userInfo().username}@${os.hostname()}` });
    console.log(
      started
        ? `Started re-key run ${runId}; a worker moves everything in the background.`
        : `Re-key run ${runId} is already going.`,
    );
  }
  const runs = await db().rekeyRun.findMany({ orderBy: { startedAt: 'desc' }, take: 5 });
  for (const run of runs) {
    const state = run.finishedAt ? `finished ${run.finishedAt.toISOString()}` : `at ${run.step}`;
    console.log(`${run.id}  ${state}  moved ${run.moved}, already current ${run.unchanged}`);
  }
  const left = await countLeftToRekey();
  console.log(`Email hashes under an older key: ${left.requests} requests, ${left.signals} opt-out signals.`);
  console.log(`Webhook secrets sealed under an older storage key: ${left.webhooks}.`);
  console.log(
    `Connector secrets not sealed under the current storage key: ${left.connectors} (of which still plain: ${left.plainConnectors}).`,
  );
  console.log(
    `Connector database URLs not sealed under the current storage key: ${left.connectionUrls} (of which still plain: ${left.plainConnectionUrls}).`,
  );
  await disconnectDb();
  await database.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
