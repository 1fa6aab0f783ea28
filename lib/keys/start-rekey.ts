import { db } from '../db';
import { env } from '../env';
import { addJob } from '../queue/add-job';
import { recordAuditEvent } from '../audit/record-audit-event';
import { rekeyJobKey } from './rekey-batch';
import { REKEY_STEPS } from './rekey-steps';

/**
 * Starts moving every email hash and stored object to the keys in force (APP_SECRET and
 * STORAGE_ENCRYPTION_KEY): a run row and its first `rekey` job, written together. A run already
 * going for these keys is returned instead of a second one. `npm run keys:rekey` calls this.
 */
export async function startRekey(options: { startedBy: string }): Promise<{ runId: string; started: boolean }> {
  const hashKey = env().appSecrets[0].id;
  const storageKey = env().storageKeys[0].id;
  return db().$transaction(async (tx) => {
    // One start at a time, across every process: the lock ends with the transaction.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rekey-run'))`;
    const going = await tx.rekeyRun.findFirst({ where: { hashKey, storageKey, finishedAt: null } });
    if (going) return { runId: going.id, started: false };
    const run = await tx.rekeyRun.create({
      data: { hashKey, storageKey, step: REKEY_STEPS[0].name, startedBy: options.startedBy.slice(0, 200) },
    });
    await recordAuditEvent(tx, {
      action: 'keys.rekey_started',
      actor: { type: 'system' },
      data: { runId: run.id, hashKey, storageKey, startedBy: run.startedBy },
    });
    await addJob(tx, 'rekey', { runId: run.id }, { jobKey: rekeyJobKey(run.id) });
    return { runId: run.id, started: true };
  });
}
