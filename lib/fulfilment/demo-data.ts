/**
 * A small Bitstride data set in its own database on the portal's PostgreSQL server, so that the
 * demo connectors have something real to collect and erase on a fresh machine. Idempotent: tables
 * are created if missing, demo people inserted if absent.
 */
import { withClient, withDatabaseName } from '../db/server-connection';

export const DEMO_DATABASE = 'bitstride_demo';

/** The people the demo data knows; a requester using one of these emails finds data in every demo system. */
export const DEMO_PEOPLE = [
  { email: 'ada@demo.bitstride.xyz', name: 'Ada Lovelace', organization: 'Analytical Engines Ltd', cardLast4: '1815' },
  { email: 'grace@demo.bitstride.xyz', name: 'Grace Hopper', organization: 'Compilers Inc', cardLast4: '1906' },
];

const DDL = `
CREATE TABLE IF NOT EXISTS accounts (
  email text PRIMARY KEY, name text NOT NULL, organization text, auth_provider text NOT NULL DEFAULT 'email',
  marketing_opt_in boolean NOT NULL DEFAULT true, processing_restricted boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS api_keys (
  id serial PRIMARY KEY, account_email text NOT NULL, key_prefix text NOT NULL, label text,
  created_at timestamptz NOT NULL DEFAULT now(), last_used_at timestamptz);
CREATE TABLE IF NOT EXISTS usage_events (
  id bigserial PRIMARY KEY, account_email text, occurred_at timestamptz NOT NULL, endpoint text NOT NULL,
  tokens integer NOT NULL, latency_ms integer NOT NULL, status integer NOT NULL);
CREATE TABLE IF NOT EXISTS support_tickets (
  id serial PRIMARY KEY, account_email text NOT NULL, subject text NOT NULL, body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX IF NOT EXISTS usage_events_email ON usage_events (lower(account_email));
-- The last four digits of the card on file, as the payment provider reports them (an identity question).
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS card_last4 text;
`;

/** Creates the demo database next to `serverUrl`'s database if it is missing; returns its URL. */
export async function ensureDemoDatabase(serverUrl: string, name = DEMO_DATABASE): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('demo database names are lower-case letters, digits and _');
  const exists = await withClient(withDatabaseName(serverUrl, 'postgres'), async (c) => {
    const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await c.query(`CREATE DATABASE ${name}`);
    return found.rowCount !== 0;
  });
  const url = withDatabaseName(serverUrl, name);
  await withClient(url, (c) => c.query(DDL), 'demo-data');
  if (!exists) for (const person of DEMO_PEOPLE) await addDemoPerson(url, person);
  return url;
}

/** One person's rows in every demo table (tests add their own requesters this way). */
export async function addDemoPerson(
  url: string,
  person: { email: string; name: string; organization?: string; cardLast4?: string },
) {
  await withClient(url, async (c) => {
    await c.query('BEGIN');
    const inserted = await c.query(
      'INSERT INTO accounts (email, name, organization, card_last4, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING',
      [person.email, person.name, person.organization ?? null, person.cardLast4 ?? '4242', '2025-03-14T09:26:53Z'],
    );
    if (inserted.rowCount === 1) {
      await c.query(
        "INSERT INTO api_keys (account_email, key_prefix, label, created_at, last_used_at) VALUES ($1, 'bs_live_3f9a', 'production', '2025-03-15T10:00:00Z', '2026-10-01T08:00:00Z'), ($1, 'bs_test_77c1', 'ci', '2025-06-01T12:00:00Z', NULL)",
        [person.email],
      );
      await c.query(
        `INSERT INTO usage_events (account_email, occurred_at, endpoint, tokens, latency_ms, status)
         SELECT $1, timestamptz '2026-10-01T00:00:00Z' + (g || ' hours')::interval, (ARRAY['/v1/inference', '/v1/jobs', '/v1/deployments'])[1 + g % 3], 100 * g, 40 + g, 200
         FROM generate_series(1, 12) g`,
        [person.email],
      );
      await c.query(
        "INSERT INTO support_tickets (account_email, subject, body, created_at) VALUES ($1, 'Quota increase', 'Could we raise the inference quota for our team?', '2026-02-02T14:00:00Z')",
        [person.email],
      );
    }
    await c.query('COMMIT');
  });
}
