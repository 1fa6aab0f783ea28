/**
 * A connection to a system's own PostgreSQL database, for the PostgreSQL connector and its verify
 * capability. A `pg.Client` reports a lost connection (the server restarted, a backend was
 * terminated, the network dropped) as an 'error' event, mid-query as much as when idle: with no
 * listener that event ends the process, worker and web server alike. The listener only logs; the
 * statement that was running, or the next one, fails and the connector reports it.
 */
import pg from 'pg';
import { env } from '../../env';
import { watchConnection } from '../../db/server-connection';
import { ConnectorError } from './connector-error';

export async function connectSystemDatabase(options: {
  connectionUrl: string;
  applicationName: string;
}): Promise<pg.Client> {
  const timeout = env().CONNECTOR_TIMEOUT_SECONDS * 1000;
  const client = watchConnection(
    new pg.Client({
      connectionString: options.connectionUrl,
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
