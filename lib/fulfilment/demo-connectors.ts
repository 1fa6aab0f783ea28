import { createHmac } from 'node:crypto';
import { env } from '../env';
import { logger } from '../logger';
import { ensureDemoDatabase } from './demo-data';

/** The demo help desk's shared secret: derived, so the portal and the demo endpoint agree without configuration. */
export function demoWebhookSecret(): string {
  return createHmac('sha256', env().APP_SECRET).update('demo-support-desk').digest('base64url');
}

/** Where the seeded inventory's demo connectors point, when FULFILMENT_DEMO is on. */
export async function demoConnectors() {
  const secret = demoWebhookSecret();
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
