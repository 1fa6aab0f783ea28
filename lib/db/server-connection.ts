/**
 * Two small pieces for code that talks to a PostgreSQL server beside the portal's own connection
 * pool: the URL of another database on the same server, and a single client for one task.
 */
import pg from 'pg';
import { logger } from '../logger';

/**
 * Keeps a client's lost connection from being an uncaught 'error' event. A `pg.Client` reports a lost
 * connection (the server restarted, a backend was terminated) as an 'error' event, idle or mid-query:
 * with no listener that event ends the process. The listener only logs; the statement that was
 * running, or the next one, fails and its caller reports it.
 */
export function watchConnection(client: pg.Client, purpose: string): pg.Client {
  client.on('error', (error: Error & { code?: string }) => {
    // The code only: a server's message can quote the statement's values.
    logger.warn({ purpose, code: error.code ?? null }, 'database connection lost');
  });
  return client;
}

/** `url` with its database replaced by `name` (user, host, port and parameters kept). */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs `fn` with a client connected to `url`, and closes it whatever happens. */
export async function withClient<T>(
  url: string,
  fn: (client: pg.Client) => Promise<T>,
  purpose = 'server connection',
): Promise<T> {
  const client = watchConnection(new pg.Client({ connectionString: url }), purpose);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
