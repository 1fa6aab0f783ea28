/** What a webhook system may answer, synchronously or on the callback: validated before anything is stored. */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { putObject } from '../../storage/storage';
import type { TaskOutcome } from '../outcome';
import type { TaskType } from '../task-types';
import { ConnectorError } from './connector-error';
import { dataSetKey } from './postgres-connector';

const row = z.record(z.string(), z.unknown());

export const answerSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('done'),
    /** collect: data set name -> rows. */
    data: z.record(z.string().regex(/^[a-z0-9_-]{1,64}$/), z.array(row).max(1_000_000)).optional(),
    /** erase, correct, ...: data set name -> rows changed; the requester reads these counts in their language. */
    changed: z.record(z.string().regex(/^[a-z0-9_-]{1,64}$/), z.number().int().nonnegative()).optional(),
    /** The system's own words, passed on to the requester as written (in whatever language it wrote them). */
    confirmation: z.string().max(2000).optional(),
    kept: z.string().max(2000).optional(),
  }),
  z.object({ status: z.literal('accepted') }),
  z.object({ status: z.literal('failed'), reason: z.string().max(2000) }),
]);

export type WebhookAnswer = z.infer<typeof answerSchema>;

export function parseAnswer(raw: string): WebhookAnswer {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConnectorError('The system answered with something that is not JSON.', false);
  }
  const parsed = answerSchema.safeParse(json);
  if (!parsed.success)
    throw new ConnectorError(
      `The system's answer does not match the connector schema (${parsed.error.issues[0]?.path.join('.') || 'body'}: ${parsed.error.issues[0]?.message}).`,
      false,
    );
  return parsed.data;
}

/** A finished answer as the task's outcome; collected rows go to storage, encrypted. */
export async function outcomeOf(
  answer: Extract<WebhookAnswer, { status: 'done' }>,
  taskId: string,
  type: TaskType,
): Promise<TaskOutcome> {
  if (type === 'collect' && !answer.data) throw new ConnectorError('A collect answer must carry `data`.', false);
  const datasets: NonNullable<TaskOutcome['datasets']> = [];
  for (const [name, rows] of Object.entries(answer.data ?? {})) {
    const key = dataSetKey(taskId, name);
    await putObject(key, Readable.from(rows.map((r) => `${JSON.stringify(r)}\n`)));
    datasets.push({ name, rows: rows.length, storageKey: key });
  }
  const statements = Object.entries(answer.changed ?? {}).map(([name, rows]) => ({ name, rows }));
  return {
    ...(datasets.length ? { datasets } : {}),
    ...(statements.length ? { statements } : {}),
    confirmation: answer.confirmation,
    kept: answer.kept,
    at: new Date().toISOString(),
  };
}
