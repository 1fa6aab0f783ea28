import { db } from '../db';
import { env } from '../env';
import { logger } from '../logger';
import { withSpan } from '../tracing/span';
import { DeliveryError, sendWithResend } from './transport';

/**
 * The `deliver-email` job. Sends one outbox row through the configured transport and records the
 * outcome. A row already sent is skipped, and Resend's Idempotency-Key (the row id) covers the
 * window between a send and its record, so a job that runs twice still sends once.
 * Throws to ask the queue for a retry; on the last attempt, or a permanent refusal, the row is marked
 * `failed`, which staff see on the request.
 */
export async function deliverEmail(options: { outboxId: string; attempt: number; maxAttempts: number }) {
  const email = await db().outboxEmail.findUnique({ where: { id: options.outboxId } });
  if (!email || email.status !== 'pending') return;
  const transport = env().emailTransport;
  let providerId: string | null = null;
  try {
    // The dev mailbox is the outbox itself: a row marked sent by the `dev` transport is a delivered message.
    if (transport === 'resend')
      providerId = await withSpan('email.send', { 'email.transport': transport, 'outbox.id': email.id }, () =>
        sendWithResend(email),
      );
  } catch (error) {
    const permanent = error instanceof DeliveryError && error.permanent;
    const lastAttempt = permanent || options.attempt >= options.maxAttempts;
    const message = error instanceof Error ? error.message : String(error);
    await db().outboxEmail.update({
      where: { id: email.id },
      data: {
        attempts: { increment: 1 },
        lastError: message.slice(0, 1000),
        status: lastAttempt ? 'failed' : 'pending',
        transport,
      },
    });
    logger.warn({ outboxId: email.id, attempt: options.attempt, permanent, err: error }, 'email delivery failed');
    if (lastAttempt) return;
    throw error;
  }
  // Outside the catch: if recording fails after a successful send, the retry re-sends under the same
  // Idempotency-Key (a no-op at the provider) instead of marking a delivered email as failed.
  await db().outboxEmail.update({
    where: { id: email.id },
    data: { status: 'sent', transport, providerId, sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
  });
  // `to` and `subject` are censored by the logger; they are here so that a mistake in redaction shows.
  logger.info(
    { outboxId: email.id, template: email.template, transport, to: email.to, subject: email.subject },
    'email delivered',
  );
}
