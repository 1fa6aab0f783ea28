/**
 * What the re-key job moves, in order (docs/decisions/022): the email hashes kept under APP_SECRET,
 * the secrets sealed under STORAGE_ENCRYPTION_KEY (webhook endpoints' and connectors', and connectors'
 * database URLs, sealing a connector's plain legacy secret or URL too), then every object kept under it. Each step walks
 * its table in id order, a batch at a time, so a run resumes after the last id it finished.
 */
import { db } from '../db';
import { env } from '../env';
import { resealConnectionUrl } from '../fulfilment/connection-url';
import { resealConnectorSecret } from '../fulfilment/connector-secret';
import { Prisma } from '../generated/prisma/client';
import { sealedTextKeyId } from '../security/sealed-text';
import { derivedSubmissionToken } from '../security/submission-token';
import { emailHashes, hashToken } from '../security/tokens';
import { resealWebhookSecret } from '../webhooks/webhook-secret';

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

/**
 * Rows that keep one value made under a key: a secret sealed under the storage key, the hash of a
 * token derived under APP_SECRET. Each is made again under the current keys.
 */
export type ValueStep = {
  kind: 'values';
  name: string;
  rows(afterId: string, limit: number): Promise<{ id: string; value: string }[]>;
  /** The value made under the current keys; null when it is already, or when no known key made it. */
  renew(row: { id: string; value: string }): string | null;
  /** Stores the new value, provided the row still holds the one read (a change meanwhile wins). */
  update(row: { id: string; value: string }, value: string): Promise<void>;
};

export type RekeyStep = HashStep | ValueStep | ObjectStep;

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

/** A sealed column of data_system (lib/security/sealed-text.ts sealedColumn), sealed again under the current storage key. */
function dataSystemColumnStep(
  name: string,
  column: 'webhook_secret' | 'connection_url',
  reseal: (stored: string, currentKeyId: string) => string | null,
): ValueStep {
  const c = Prisma.raw(column);
  return {
    kind: 'values',
    name,
    rows: (afterId, limit) =>
      db().$queryRaw`
        SELECT id::text, ${c} AS value FROM data_system
        WHERE id > ${afterId}::uuid AND ${c} IS NOT NULL ORDER BY id LIMIT ${limit}`,
    renew: ({ value }) => reseal(value, env().storageKeys[0].id),
    async update(row, value) {
      await db().$executeRaw`
        UPDATE data_system SET ${c} = ${value}
        WHERE id = ${row.id}::uuid AND ${c} = ${row.value}`;
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
  {
    kind: 'hashes',
    name: 'account-email-proof-hashes',
    // A proof keeps the hash of the address it was sent to, not the address nor the hash's key id:
    // the address is the request's account email, and the key is whichever known one gives that hash.
    // A proof whose request names another address since matches under none: it proves nothing (lib/verification/confirm-account-email.ts)
    // and is left as it is, rather than made to prove the new address.
    async rows(afterId, limit) {
      const rows = await db().$queryRaw<{ id: string; email: string | null; hash: string }[]>`
        SELECT p.id::text, r.account_email AS email, p.email_hash AS hash
        FROM account_email_proof p JOIN privacy_request r ON r.id = p.request_id
        WHERE p.id > ${afterId}::uuid ORDER BY p.id LIMIT ${limit}`;
      return rows.map((row) => {
        // emailHashes gives the hash under each of env().appSecrets, in their order.
        const key = row.email ? env().appSecrets[emailHashes(row.email).indexOf(row.hash)] : undefined;
        return { id: row.id, email: key ? row.email! : '', hashKey: key?.id ?? null };
      });
    },
    async update(row, hash) {
      await db().$executeRaw`
        UPDATE account_email_proof SET email_hash = ${hash}
        WHERE id = ${row.id}::uuid AND email_hash = ANY(${emailHashes(row.email)}::text[])`;
    },
  },
  {
    kind: 'values',
    name: 'drp-submission-tokens',
    // A DRP request keeps the hash of its confirmation-page token, which is derived under APP_SECRET
    // (lib/security/submission-token.ts): the hash of the token derived under the current secret
    // replaces it, so the link the status object gives keeps opening once the old secret is gone.
    rows: (afterId, limit) =>
      db().$queryRaw`
        SELECT r.id::text, r.submission_token_hash AS value
        FROM privacy_request r WHERE r.id > ${afterId}::uuid AND r.channel = 'drp'
        ORDER BY r.id LIMIT ${limit}`,
    renew({ id, value }) {
      const hashes = env().appSecrets.map(({ secret }) => hashToken(derivedSubmissionToken(id, secret)));
      return hashes.indexOf(value) > 0 ? hashes[0] : null;
    },
    async update(row, value) {
      await db().$executeRaw`
        UPDATE privacy_request SET submission_token_hash = ${value}
        WHERE id = ${row.id}::uuid AND submission_token_hash = ${row.value}`;
    },
  },
  {
    kind: 'values',
    name: 'webhook-secrets',
    rows: (afterId, limit) =>
      db().$queryRaw`
        SELECT id::text, secret_sealed AS value FROM webhook_endpoint
        WHERE id > ${afterId}::uuid ORDER BY id LIMIT ${limit}`,
    renew: ({ value }) => (sealedTextKeyId(value) === env().storageKeys[0].id ? null : resealWebhookSecret(value)),
    async update(row, value) {
      await db().$executeRaw`
        UPDATE webhook_endpoint SET secret_sealed = ${value}
        WHERE id = ${row.id}::uuid AND secret_sealed = ${row.value}`;
    },
  },
  // A webhook connector's shared secret: re-sealed under the current storage key, and sealed when
  // still plain from before sealing (lib/fulfilment/connector-secret.ts tells the two apart).
  dataSystemColumnStep('connector-secrets', 'webhook_secret', resealConnectorSecret),
  // A PostgreSQL connector's database URL, likewise (lib/fulfilment/connection-url.ts).
  dataSystemColumnStep('connection-urls', 'connection_url', resealConnectionUrl),
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
