/** First-start data: the first admin (SEED_ADMIN_EMAIL; admin@example.com outside production). */
import { db } from '../lib/db';
import { env } from '../lib/env';

export async function seed() {
  const email = env().seedAdminEmail;
  if (!email) return;
  const existing = await db().user.findUnique({ where: { email } });
  if (existing) return;
  await db().user.create({ data: { email, name: 'Admin', role: 'admin' } });
  console.log(`[seed] created the first admin: ${email} (sign in at /admin with a link sent to that address)`);
}
