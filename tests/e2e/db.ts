/**
 * Direct access to the e2e server's own database (the embedded PostgreSQL that playwright.config.ts
 * starts), for what a test needs to set up that has no UI of its own yet: staff accounts and sessions.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';

export const E2E_DATABASE_URL = `postgresql://postgres:portal-local-only@127.0.0.1:${process.env.E2E_PG_PORT ?? '54351'}/portal`;

export async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function createStaff(role: 'admin' | 'reviewer' | 'viewer', options: { deactivated?: boolean } = {}) {
  const id = randomUUID();
  const email = `${role}.${Date.now()}.${randomBytes(3).toString('hex')}@staff.example.com`;
  await sql('INSERT INTO staff_user (id, email, name, role, deactivated_at) VALUES ($1, $2, $3, $4::"StaffRole", $5)', [
    id,
    email,
    `Test ${role}`,
    role,
    options.deactivated ? new Date() : null,
  ]);
  return { id, email, role };
}

/** A signed-in session for `userId`, as next-auth's database strategy stores it: the cookie value. */
export async function createSession(userId: string): Promise<string> {
  const token = randomUUID();
  await sql('INSERT INTO staff_session (id, session_token, user_id, expires) VALUES ($1, $2, $3, $4)', [
    randomUUID(),
    token,
    userId,
    new Date(Date.now() + 3600_000),
  ]);
  return token;
}
