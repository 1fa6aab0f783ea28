import { Resend } from 'resend';
import { env } from '../env';

export type OutgoingEmail = { id: string; to: string; subject: string; html: string; text: string };

/** A failure worth retrying (the provider was down) or not (it refused the message for good). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

let resend: Resend | undefined;

const PERMANENT_STATUSES = new Set([400, 404, 405, 409, 410, 413, 415, 422]);

/** How long one send may take before the attempt fails and the job is retried. Tests shorten it. */
export const transportConfig = { sendTimeoutMs: 15_000 };

/** The SDK sets no timeout; a hung provider must fail the attempt so that the job is retried. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeliveryError(`No answer from the email provider in ${ms} ms`, false)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Sends through Resend with the outbox row id as the Idempotency-Key, so a retried job after a crash
 * or a timeout can never send the same message twice. Returns the provider's message id.
 */
export async function sendWithResend(email: OutgoingEmail): Promise<string> {
  const e = env();
  resend ??= new Resend(e.RESEND_API_KEY, e.RESEND_BASE_URL ? { baseUrl: e.RESEND_BASE_URL } : undefined);
  const { data, error } = await withTimeout(
    resend.emails.send(
      { from: e.EMAIL_FROM, to: email.to, subject: email.subject, html: email.html, text: email.text },
      { idempotencyKey: email.id },
    ),
    transportConfig.sendTimeoutMs,
  );
  if (error || !data) {
    const status = (error as { statusCode?: number } | null)?.statusCode ?? 0;
    // Refusals of this message itself are final; an auth problem (401/403) or a rate limit is fixed by
    // someone or by time, so those retry. 409 is the provider seeing one key with different content.
    const permanent = PERMANENT_STATUSES.has(status);
    throw new DeliveryError(
      `Resend refused the email: ${error?.name ?? 'no response'} ${error?.message ?? ''}`.trim(),
      permanent,
    );
  }
  return data.id;
}
