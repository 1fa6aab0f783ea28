/**
 * What the re-key job moves, in order (docs/decisions/022): the email hashes kept under APP_SECRET,
 * then every object kept under STORAGE_ENCRYPTION_KEY. Each step walks its table in id order, a
 * batch at a time, so a run resumes after the last id it finished.
 */
import { db } from '../db';
import { Prisma } from '../generated/prisma/client';

export const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/** Rows whose keyed hashes are recomputed from the address they keep. */
export type HashStep = {
  kind: 'hashes';
  name: string;
  /** id, the address to hash (empty once purged: nothing left to hash) and the hash's key id. */
  rows(afterId: string, limit: number): Promise<{ id: string; email: string; hashKey: string | null }[]>;
  /** Sets the new hash and key id, provided the row still holds the same address. */
  update(row: { id: string; email: string }, hash: string, hashKey: string): Promise<void>;
};

/** Rows that point at stored objects, each read and written again under the current key. */
export type ObjectStep = {
  kind: 'objects';
  name: string;
  rows(afterId: string, limit: number): Promise<{ id: string; keys: string[] }[]>;
  /** Whether the row still points at the object (a purge between the read and the write removes it). */
  stillReferenced(id: string, key: string): Promise<boolean>;
};

export type RekeyStep = HashStep | ObjectStep;

/** A step over `table`, whose rows point at the storage keys `keys` (an SQL text[] expression). */
function objectStep(name: string, table: string, id: string, keys: string): ObjectStep {
  const [t, i, k] = [Prisma.raw(table), Prisma.raw(id), Prisma.raw(keys)];
  return {
    kind: 'objects',
    name,
    rows: (afterId, limit) =>
      db().$queryRaw<{ id: string; keys: string[] }[]>`
        SELECT ${i}::text AS id, ${k} AS keys FROM ${t} WHERE ${i} > ${afterId}::uuid ORDER BY ${i} LIMIT ${limit}`,
    async stillReferenced(rowId, key) {
      const [row] = await db().$queryRaw<{ found: boolean }[]>`
        SELECT ${key} = ANY(${k}) AS found FROM ${t} WHERE ${i} = ${rowId}::uuid`;
      return row?.found === true;
    },
  };
}

/** A text[] of one nullable column: empty when it is null. */
const one = (column: string) => `array_remove(ARRAY[${column}]::text[], NULL)`;

export const REKEY_STEPS: readonly RekeyStep[] = [
  {
    kind: 'hashes',
    name: 'request-email-hashes',
    rows: (afterId, limit) =>
      db().$queryRaw`
        SELECT id::text, email, email_hash_key AS "hashKey" FROM privacy_request
        WHERE id > ${afterId}::uuid ORDER BY id LIMIT ${limit}`,
    async update(row, hash, hashKey) {
      await db().$executeRaw`
        UPDATE privacy_request SET email_hash = ${hash}, email_hash_key = ${hashKey}
        WHERE id = ${row.id}::uuid AND email = ${row.email}`;
    },
  },
  {
    kind: 'hashes',
    name: 'opt-out-signal-hashes',
    // The signal's address is its request's (lib/requests/record-gpc-opt-out.ts).
    rows: (afterId, limit) =>
      db().$queryRaw`
        SELECT s.id::text, r.email, s.email_hash_key AS "hashKey"
        FROM opt_out_signal s JOIN privacy_request r ON r.id = s.request_id
        WHERE s.id > ${afterId}::uuid ORDER BY s.id LIMIT ${limit}`,
    async update(row, hash, hashKey) {
      await db().$executeRaw`
        UPDATE opt_out_signal s SET email_hash = ${hash}, email_hash_key = ${hashKey}
        FROM privacy_request r WHERE s.id = ${row.id}::uuid AND r.id = s.request_id AND r.email = ${row.email}`;
    },
  },
  objectStep('data-packages', 'data_package', 'id', one('storage_key')),
  objectStep('identity-evidence', 'identity_evidence', 'id', one('storage_key')),
  objectStep('agent-documents', 'agent_authorization', 'request_id', one('document_key')),
  objectStep('task-attachments', 'task_attachment', 'id', one('storage_key')),
  objectStep(
    'collected-datasets',
    'fulfilment_task',
    'id',
    `ARRAY(SELECT d->>'storageKey' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(outcome->'datasets') = 'array'
      THEN outcome->'datasets' ELSE '[]'::jsonb END) d WHERE d->>'storageKey' IS NOT NULL)`,
  ),
];
