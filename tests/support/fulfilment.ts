import { inject } from 'vitest';
import { db } from '../../lib/db';
import { addDemoPerson, ensureDemoDatabase } from '../../lib/fulfilment/demo-data';
import { seedInventory } from '../../lib/fulfilment/inventory-seed';

/** This run's copy of the demo data set (its own database name, so parallel runs never share it). */
export async function demoDatabase() {
  return ensureDemoDatabase(inject('serverUrl'), `bitstride_demo_${process.pid}`);
}

/** The seeded inventory with its PostgreSQL connectors on this run's demo database; the webhook system stays manual unless given. */
export async function seededInventory(options: { webhookUrl?: string; webhookSecret?: string } = {}) {
  const postgresUrl = await demoDatabase();
  await seedInventory(db(), {
    postgresUrl,
    webhookUrl: options.webhookUrl ?? null,
    webhookSecret: options.webhookSecret ?? 'x'.repeat(32),
  });
  return { postgresUrl };
}

export async function aDemoPerson(email: string) {
  await addDemoPerson(await demoDatabase(), { email, name: 'Ada Example', organization: 'Example Ltd' });
}
