/**
 * A connection to a system's own PostgreSQL database, for the PostgreSQL connector and its verify
 * capability. A `pg.Client` reports a lost connection (the server restarted, a backend was
 * terminated, the network dropped) as an 'error' event, mid-query as much as when idle: with no
 * listener that event ends the process, worker and web server alike. The listener only logs; the
 * statement that was running, or the next one, fails and the connector reports it.
 *
 * It takes the URL as stored, sealed or a plain one from before sealing (connection-url.ts), and opens
 * it here, the one place both capabilities connect. One that does not open (its storage key is not
 * configured) retries, as a webhook connector's secret does: the operator can add the key back.
 */
import pg from 'pg';
import { env } from '../../env';
import { watchConnection } from '../../db/server-connection';
import { openConnectionUrl } from '../connection-url';
import { ConnectorError } from './connector-error';

function databaseUrl(stored: string): string {
  try {
    return openConnectionUrl(stored);
  } catch (error) {
    throw new ConnectorError(`The system's database URL cannot be opened: ${(error as Error).message}.`, true);
  }
}

export async function connectSystemDatabase(options: {
  /** `data_system.connection_url` as stored. */
  storedUrl: string;
  applicationName: string;
}): Promise<pg.Client> {
  const connectionString = databaseUrl(options.storedUrl);
  const timeout = env().CONNECTOR_TIMEOUT_SECONDS * 1000;
  const client = watchConnection(
    new pg.Client({
      connectionString,
      connectionTimeoutMillis: timeout,
      statement_timeout: timeout,
      application_name: options.applicationName,
    }),
    options.applicationName,
  );
  try {
    await client.connect();
  } catch (error) {
    throw new ConnectorError(`Could not connect to the system's database (${(error as Error).message}).`, true);
  }
  return client;
}
