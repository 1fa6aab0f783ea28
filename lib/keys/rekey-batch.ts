/**
 * One batch of a re-key run (lib/keys/start-rekey.ts), as the `rekey` job runs it: the next rows of
 * the run's step are moved to the current keys, then the run's position and the job of the next batch
 * are written in one transaction. Interrupted anywhere, the job runs again from the saved position;
 * what it had moved already carries the current key id and is passed over, so running twice is harmless.
 */
import { db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import { logger } from '../logger';
import { addJob } from '../queue/add-job';
import { recordAuditEvent } from '../audit/record-audit-event';
import { hashEmail } from '../security/tokens';
import { getObject, objectKeyId, putObject, deleteObject } from '../storage/storage';
import { FIRST_ID, type HashStep, type ObjectStep, REKEY_STEPS, type ValueStep } from './rekey-steps';

export const REKEY_BATCH_SIZE = 200;

/** One job per run at a time: a batch's follow-up replaces any copy still waiting. */
export const rekeyJobKey = (runId: string) => `rekey:${runId}`;

type Progress = { lastId: string | null; seen: number; moved: number; unchanged: number };

async function moveHashes(step: HashStep, afterId: string, limit: number, hashKey: string): Promise<Progress> {
  const rows = await step.rows(afterId, limit);
  let moved = 0;
  for (const row of rows) {
    // A purged request keeps no address: its hash was cleared with it.
    if (!row.email || row.hashKey === hashKey) continue;
    await step.update(row, hashEmail(row.email), hashKey);
    moved += 1;
  }
  return { lastId: rows.at(-1)?.id ?? null, seen: rows.length, moved, unchanged: rows.length - moved };
}

async function moveValues(step: ValueStep, afterId: string, limit: number): Promise<Progress> {
  const rows = await step.rows(afterId, limit);
  let moved = 0;
  for (const row of rows) {
    const renewed = step.renew(row);
    if (renewed === null) continue;
    await step.update(row, renewed);
    moved += 1;
  }
  return { lastId: rows.at(-1)?.id ?? null, seen: rows.length, moved, unchanged: rows.length - moved };
}

async function moveObjects(step: ObjectStep, afterId: string, limit: number, storageKey: string): Promise<Progress> {
  const rows = await step.rows(afterId, limit);
  let moved = 0;
  let unchanged = 0;
  for (const row of rows) {
    for (const key of row.keys) {
      const sealedUnder = await objectKeyId(key);
      // Gone already (deleted by retention between the query and now), or already under the current key.
      if (sealedUnder === undefined || sealedUnder === storageKey) {
        unchanged += 1;
        continue;
      }
      // Read and written under the same key: the driver makes the new object visible only once whole
      // (lib/storage/storage-driver.ts), so a crash here leaves the old object, still readable.
      await putObject(key, getObject(key));
      if (!(await step.stillReferenced(row.id, key))) await deleteObject(key);
      moved += 1;
    }
  }
  return { lastId: rows.at(-1)?.id ?? null, seen: rows.length, moved, unchanged };
}

export async function rekeyBatch(options: { runId: string; batchSize?: number }): Promise<{ finished: boolean }> {
  const limit = options.batchSize ?? REKEY_BATCH_SIZE;
  const run = await db().rekeyRun.findUnique({ where: { id: options.runId } });
  if (!run || run.finishedAt) return { finished: true };
  const config = env();
  if (run.hashKey !== config.appSecrets[0].id || run.storageKey !== config.storageKeys[0].id) {
    throw new AppError(
      'CONFLICT',
      'The keys changed since this re-key run started: start a new run (npm run keys:rekey) under the keys in force.',
    );
  }
  const index = REKEY_STEPS.findIndex((s) => s.name === run.step);
  const step = REKEY_STEPS[index];
  if (!step) throw new Error(`re-key run ${run.id} is at an unknown step "${run.step}"`);
  const afterId = run.afterId ?? FIRST_ID;
  const progress =
    step.kind === 'hashes'
      ? await moveHashes(step, afterId, limit, run.hashKey)
      : step.kind === 'values'
        ? await moveValues(step, afterId, limit)
        : await moveObjects(step, afterId, limit, run.storageKey);
  const stepDone = progress.seen < limit;
  const next = stepDone ? REKEY_STEPS[index + 1] : step;
  const finished = !next;
  await db().$transaction(async (tx) => {
    await tx.rekeyRun.update({
      where: { id: run.id },
      data: {
        step: next?.name ?? step.name,
        afterId: stepDone ? null : progress.lastId,
        moved: { increment: progress.moved },
        unchanged: { increment: progress.unchanged },
        finishedAt: finished ? new Date() : null,
      },
    });
    if (finished) {
      await recordAuditEvent(tx, {
        action: 'keys.rekey_finished',
        actor: { type: 'system' },
        data: { runId: run.id, hashKey: run.hashKey, storageKey: run.storageKey },
      });
    } else {
      await addJob(tx, 'rekey', { runId: run.id }, { jobKey: rekeyJobKey(run.id) });
    }
  });
  logger.info({ runId: run.id, step: step.name, ...progress, finished }, 're-key batch done');
  return { finished };
}
