import { randomBytes } from 'node:crypto';
import { env } from '../env';
import { logger } from '../logger';
import { ensureDemoDatabase } from './demo-data';

/**
 * Where the seeded inventory's demo connectors point, when FULFILMENT_DEMO is on. The help desk's
 * shared secret is random and kept only in the seeded system (sealed); the demo endpoint reads it
 * from there (demo-support-desk.ts), so it is re-sealed with everything else when the keys rotate.
 */
export async function demoConnectors() {
  const secret = randomBytes(32).toString('base64url');
  if (!env().fulfilmentDemo || !env().DATABASE_URL)
    return { postgresUrl: null, webhookUrl: null, webhookSecret: secret };
  try {
    const postgresUrl = await ensureDemoDatabase(env().DATABASE_URL!);
    return { postgresUrl, webhookUrl: `${env().APP_URL}/api/demo/support-desk`, webhookSecret: secret };
  } catch (error) {
    // A role that may not create databases still gets a working portal, with manual systems.
    logger.warn({ err: error }, 'demo data set not created; the inventory starts with manual systems');
    return { postgresUrl: null, webhookUrl: null, webhookSecret: secret };
  }
}
