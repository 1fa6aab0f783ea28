import type { Tx } from '../db';

/** Whether a job with this key will still run: waiting, running or retrying (graphile-worker 0.17's table). */
export async function jobKeyExists(tx: Tx, key: string): Promise<boolean> {
  const rows = await tx.$queryRaw<
    { exists: boolean }[]
  >`SELECT EXISTS (SELECT 1 FROM graphile_worker._private_jobs WHERE key = ${key} AND attempts < max_attempts) AS exists`;
  return rows[0]?.exists ?? false;
}
