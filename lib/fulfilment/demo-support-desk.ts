/**
 * The demo help desk behind the seeded "Support desk" webhook connector: a stand-in for an external
 * system, answering signed jobs from the demo data set. It exists only when FULFILMENT_DEMO is on.
 */
import pg from 'pg';
import { z } from 'zod';
import { env } from '../env';
import { AppError } from '../errors';
import { db } from '../db';
import { openConnectorSecret } from './connector-secret';
import { INVENTORY_SEED } from './inventory-seed';
import { withDatabaseName } from '../db/server-connection';
import { DEMO_DATABASE } from './demo-data';
import { verifySignature } from './connectors/signing';
import { watchConnection } from '../db/server-connection';
import { TASK_TYPES } from './task-types';

const jobSchema = z.object({
  taskType: z.enum(TASK_TYPES),
  subject: z.object({ identities: z.array(z.object({ value: z.string() })) }),
});

/** The secret the seeded help-desk system holds (none when it was made manual): what the portal signs with. */
async function demoSecret(): Promise<string> {
  const key = INVENTORY_SEED.find((system) => system.demo === 'webhook')?.key;
  const system = key ? await db().dataSystem.findUnique({ where: { key }, select: { webhookSecret: true } }) : null;
  if (!system?.webhookSecret) throw new AppError('NOT_FOUND', 'Not found.');
  return openConnectorSecret(system.webhookSecret);
}

/** `databaseUrl`: the demo data set's database (tests give their own copy). */
export async function answerDemoSupportDesk(body: string, signature: string | null, databaseUrl?: string) {
  if (!env().fulfilmentDemo || !env().DATABASE_URL) throw new AppError('NOT_FOUND', 'Not found.');
  if (!verifySignature(await demoSecret(), body, signature).ok) throw new AppError('UNAUTHORIZED', 'Bad signature.');
  const job = jobSchema.parse(JSON.parse(body));
  const emails = job.subject.identities.map((i) => i.value.toLowerCase());
  const client = watchConnection(
    new pg.Client({ connectionString: databaseUrl ?? withDatabaseName(env().DATABASE_URL!, DEMO_DATABASE) }),
    'demo-support-desk',
  );
  await client.connect();
  try {
    if (job.taskType === 'collect') {
      const { rows } = await client.query(
        'SELECT subject, body, created_at FROM support_tickets WHERE lower(account_email) = ANY($1) ORDER BY created_at',
        [emails],
      );
      // What was found is the data set's row count, which the requester reads in their language.
      return { status: 'done', data: { tickets: rows } };
    }
    if (job.taskType === 'erase') {
      const { rowCount } = await client.query('DELETE FROM support_tickets WHERE lower(account_email) = ANY($1)', [
        emails,
      ]);
      return { status: 'done', changed: { support_tickets: rowCount ?? 0 } };
    }
    // Nothing to change here: the line says what was done (suppressed, restricted...) in the requester's words.
    return { status: 'done' };
  } finally {
    await client.end();
  }
}
