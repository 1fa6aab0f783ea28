/**
 * First-start data: the first admin (SEED_ADMIN_EMAIL; admin@example.com outside production), and
 * the data inventory from Bitstride's privacy policy, with demo connectors when FULFILMENT_DEMO is on.
 */
import { db } from '../lib/db';
import { env } from '../lib/env';
import { demoConnectors } from '../lib/fulfilment/demo-connectors';
import { seedInventory } from '../lib/fulfilment/inventory-seed';

export async function seed() {
  const email = env().seedAdminEmail;
  if (email && !(await db().user.findUnique({ where: { email } }))) {
    await db().user.create({ data: { email, name: 'Admin', role: 'admin' } });
    console.log(`[seed] created the first admin: ${email} (sign in at /admin with a link sent to that address)`);
  }
  const connectors = await demoConnectors();
  if (await seedInventory(db(), connectors))
    console.log(`[seed] data inventory created${connectors.postgresUrl ? ' with demo connectors' : ''}`);
}
