/**
 * The PostgreSQL connector's `verify` capability: runs the system's verify statements for the
 * request's proven identities, read-only, and returns every non-empty value per column. The values
 * answer identity questions on the server; they are never stored nor sent to the browser.
 */
import type { Statement } from '../schemas';
import { ConnectorError } from './connector-error';
import { connectSystemDatabase } from './system-database';

export async function readPostgresFacts(
  system: { connectionUrl: string | null },
  statements: Statement[],
  identities: string[],
): Promise<Record<string, string[]>> {
  if (!system.connectionUrl) throw new ConnectorError('The system has no database URL configured.', false);
  const client = await connectSystemDatabase({
    storedUrl: system.connectionUrl,
    applicationName: 'privacy-portal-verify',
  });
  const facts: Record<string, string[]> = {};
  try {
    await client.query('BEGIN READ ONLY');
    for (const statement of statements)
      for (const identity of identities) {
        const { rows } = await client.query(statement.sql, [identity]);
        for (const row of rows as Record<string, unknown>[])
          for (const [column, value] of Object.entries(row)) {
            if (value === null || value === undefined || value === '') continue;
            const text = value instanceof Date ? value.toISOString() : String(value);
            facts[column] = [...(facts[column] ?? []), text];
          }
      }
    await client.query('COMMIT');
    return facts;
  } catch (error) {
    throw new ConnectorError(`The database refused a verify statement: ${(error as Error).message}`, false);
  } finally {
    await client.end().catch(() => {});
  }
}
