import { db, type Tx } from '../../db';
import { readOutcome } from '../outcome';

export type DatasetRef = { key: string; systemName: string; name: string; rows: number; storageKey: string };

/** A request's collected data sets, keyed "<system key>/<data set name>" as the package's folders are. */
export async function listDatasets(requestId: string, client: Tx = db()): Promise<DatasetRef[]> {
  const tasks = await client.fulfilmentTask.findMany({
    where: { requestId, type: 'collect', status: 'done' },
    select: { outcome: true, system: { select: { key: true, name: true } } },
    orderBy: { system: { name: 'asc' } },
  });
  return tasks.flatMap((t) =>
    t.system
      ? (readOutcome(t.outcome).datasets ?? []).map((d) => ({
          key: `${t.system!.key}/${d.name}`,
          systemName: t.system!.name,
          name: d.name,
          rows: d.rows,
          storageKey: d.storageKey,
        }))
      : [],
  );
}
