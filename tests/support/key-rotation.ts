/**
 * Both keys rotated mid-life, as an operator does it (docs/decisions/022): the old secret and a new
 * storage key, the phases' environments, and a re-key run taken to its end before the old keys go.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { db } from '../../lib/db';
import { keyId } from '../../lib/env';
import { startRekey } from '../../lib/keys/start-rekey';
import { runDueJobs } from './jobs';
import { queuedJobs } from './reset-database';
import { scopedEnv } from './scoped-env';

export const SECRET_A = `a-secret-${'a'.repeat(40)}`;
export const SECRET_B = `b-secret-${'b'.repeat(40)}`;

export function keyRotation() {
  const storageB = randomBytes(32).toString('base64');
  const keys = scopedEnv([
    'APP_SECRET',
    'APP_SECRET_PREVIOUS',
    'STORAGE_ENCRYPTION_KEY',
    'STORAGE_ENCRYPTION_KEYS_PREVIOUS',
  ]);
  const phases = {
    before: { APP_SECRET: SECRET_A },
    during: { APP_SECRET: SECRET_B, APP_SECRET_PREVIOUS: SECRET_A, STORAGE_ENCRYPTION_KEY: storageB },
    after: { APP_SECRET: SECRET_B, STORAGE_ENCRYPTION_KEY: storageB },
  };
  return {
    keys,
    phases,
    storageB,
    storageBId: keyId(Buffer.from(storageB, 'base64')),
    /** Rotates both keys, runs a re-key run to its end, then drops the old keys. */
    async rotateAndRekey() {
      keys.set(phases.during);
      const { runId } = await startRekey({ startedBy: 'test' });
      for (let round = 0; round < 40; round += 1) {
        await runDueJobs();
        const run = await db().rekeyRun.findUniqueOrThrow({ where: { id: runId } });
        if (run.finishedAt && (await queuedJobs('rekey')).length === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect((await db().rekeyRun.findUniqueOrThrow({ where: { id: runId } })).finishedAt).not.toBeNull();
      keys.set(phases.after);
    },
  };
}
