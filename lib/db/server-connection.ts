/**
 * Two small pieces for code that talks to a PostgreSQL server beside the portal's own connection
 * pool: the URL of another database on the same server, and a single client for one task.
 */
import pg from 'pg';

/** `url` with its database replaced by `name` (user, host, port and parameters kept). */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs `fn` with a client connected to `url`, and closes it whatever happens. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
