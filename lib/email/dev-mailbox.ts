import { db } from '../db';
import { env } from '../env';

/** The dev mailbox exists only while no email provider is configured. */
export function devMailboxEnabled(): boolean {
  return env().emailTransport === 'dev';
}

/** Messages the dev transport has delivered, newest first. */
export async function listDevMailbox(limit = 200) {
  return db().outboxEmail.findMany({
    where: { transport: 'dev', status: 'sent' },
    orderBy: [{ sentAt: 'desc' }, { createdAt: 'desc' }],
    take: limit,
    select: { id: true, to: true, subject: true, html: true, text: true, createdAt: true },
  });
}
