/**
 * The built-in PostgreSQL connector: runs the system's configured statements against the database
 * the operator named. The subject's identifiers are only ever bound as $1 (and the requested change
 * as $2); statement text comes from the inventory alone. Collect streams rows through a cursor into
 * encrypted NDJSON; the other task types run in one transaction and record affected row counts.
 */
import { Readable } from 'node:stream';
import type pg from 'pg';
import { putObject } from '../../storage/storage';
import type { TaskOutcome } from '../outcome';
import { statementsSchema, type Statement } from '../schemas';
import type { TaskType } from '../task-types';
import { ConnectorError } from './connector-error';
import { connectSystemDatabase } from './system-database';

/** Rows per FETCH: large enough that round trips do not dominate, small enough to stay a few MB. */
const BATCH = 2000;

export type ConnectorJob = { taskId: string; type: TaskType; identities: string[]; change: string | null };

/** The bound values for a statement: exactly as many as its highest placeholder. */
export function bindValues(sql: string, identity: string, change: string | null): string[] {
  const highest = Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  if (highest >= 2 && change === null)
    throw new ConnectorError('This statement uses $2 (the requested change) but the task has none.', false);
  return highest >= 2 ? [identity, change!] : [identity];
}

/** Rows of one statement for every identity, one JSON object per line, fetched in batches from a cursor. */
async function* collectRows(client: pg.Client, statement: Statement, identities: string[], counter: { rows: number }) {
  for (const identity of identities) {
    await client.query('BEGIN READ ONLY');
    try {
      // The database renders each row as JSON text: no per-column parsing and re-serialising here.
      await client.query(
        `DECLARE portal_collect NO SCROLL CURSOR FOR SELECT row_to_json(q)::text AS j FROM (${statement.sql.replace(/;\s*$/, '')}) q`,
        bindValues(statement.sql, identity, null),
      );
      for (;;) {
        const batch = await client.query(`FETCH ${BATCH} FROM portal_collect`);
        if (batch.rows.length === 0) break;
        counter.rows += batch.rows.length;
        let text = '';
        for (const row of batch.rows as { j: string }[]) text += `${row.j}\n`;
        yield text;
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  }
}

export function dataSetKey(taskId: string, name: string) {
  return `tasks/${taskId}/${name}.ndjson`;
}

export async function runPostgresConnector(
  system: { connectionUrl: string | null; statements: unknown },
  job: ConnectorJob,
): Promise<TaskOutcome> {
  if (!system.connectionUrl) throw new ConnectorError('The system has no database URL configured.', false);
  const parsed = statementsSchema.safeParse(system.statements);
  if (!parsed.success)
    throw new ConnectorError(
      "The system's SQL statements are not valid; an admin must fix them in the inventory.",
      false,
    );
  const statements = job.type === 'notify_recipient' ? [] : (parsed.data[job.type] ?? []);
  if (statements.length === 0) throw new ConnectorError(`The system has no ${job.type} statements.`, false);

  const client = await connectSystemDatabase({
    storedUrl: system.connectionUrl,
    applicationName: 'privacy-portal-connector',
  });
  try {
    if (job.type === 'collect') {
      const datasets: NonNullable<TaskOutcome['datasets']> = [];
      for (const statement of statements) {
        const counter = { rows: 0 };
        const key = dataSetKey(job.taskId, statement.name);
        await putObject(key, Readable.from(collectRows(client, statement, job.identities, counter)));
        datasets.push({ name: statement.name, rows: counter.rows, storageKey: key });
      }
      return { datasets, at: new Date().toISOString() };
    }
    const results: { name: string; rows: number }[] = [];
    await client.query('BEGIN');
    try {
      for (const statement of statements) {
        let rows = 0;
        for (const identity of job.identities)
          rows += (await client.query(statement.sql, bindValues(statement.sql, identity, job.change))).rowCount ?? 0;
        results.push({ name: statement.name, rows });
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
    return { statements: results, at: new Date().toISOString() };
  } catch (error) {
    if (error instanceof ConnectorError) throw error;
    // A SQL error is the configuration's fault and will not heal by retrying; a dropped connection may.
    const sqlState = (error as { code?: string }).code;
    const retryable =
      !sqlState || sqlState.startsWith('08') || sqlState === '57P01' || sqlState === '40001' || sqlState === '40P01';
    throw new ConnectorError(`The database refused a statement: ${(error as Error).message}`, retryable);
  } finally {
    await client.end().catch(() => {});
  }
}
