/**
 * Every job the worker runs: its name, the zod schema of its payload and its retry budget. The
 * handlers live with their domain and are wired in lib/worker/task-list.ts.
 */
import { z } from 'zod';

export const jobs = {
  'deliver-email': {
    payload: z.object({ outboxId: z.uuid() }),
    // graphile-worker's backoff (exp(attempt) seconds) spreads 12 attempts over about 16 hours, inside
    // Resend's 24-hour idempotency window.
    maxAttempts: 12,
  },
  'expire-unverified-request': {
    payload: z.object({ requestId: z.uuid() }),
    maxAttempts: 25,
  },
  /**
   * Before the verification link runs out: one reminder with a fresh link expiring at the same moment.
   * `expiresAt` is the link's expiry it was scheduled for: a job left over from an older link does nothing.
   */
  'remind-unverified-request': {
    payload: z.object({ requestId: z.uuid(), expiresAt: z.iso.datetime() }),
    maxAttempts: 25,
  },
  /** US-CA: confirm receipt within 10 business days if nothing has done so yet. */
  'acknowledge-request': {
    payload: z.object({ requestId: z.uuid() }),
    maxAttempts: 25,
  },
  /** A reminder before the due date, or the overdue escalation (repeated daily while overdue), of a request, its appeal or a complaint. */
  'deadline-reminder': {
    payload: z.object({
      requestId: z.uuid(),
      /** Set when the deadline is the appeal's own (lib/appeals/appeal-rules.ts), not the request's. */
      appealId: z.uuid().optional(),
      /** Set when the deadline is a complaint's outcome (lib/complaints/complaint-rules.ts). */
      complaintId: z.uuid().optional(),
      kind: z.enum(['reminder', 'overdue']),
      /** The due date the job was scheduled for: a job left over from an older due date does nothing. */
      dueAt: z.iso.datetime(),
      offsetDays: z.number().int().min(0),
    }),
    maxAttempts: 25,
  },
  /** One email per staff member per day listing everything that needs them. */
  'staff-digest': {
    payload: z.object({ userId: z.string().min(1) }),
    maxAttempts: 25,
  },
  /** Daily (crontab): recompute what should be scheduled and repair anything missing. */
  'daily-sweep': {
    payload: z.object({}).passthrough(),
    maxAttempts: 5,
  },
  /** Daily (crontab): requests still below their verification level at their due date close as "could not verify". */
  'close-unverifiable-requests': {
    payload: z.object({}).passthrough(),
    maxAttempts: 5,
  },
  /** A fulfilment task's connector run (PostgreSQL statements or a webhook job). Failures retry, then fail the task visibly. */
  'run-fulfilment-task': {
    payload: z.object({ taskId: z.uuid() }),
    maxAttempts: 5,
  },
  /** The requester's data package (access/export), built after completion. */
  'build-data-package': {
    payload: z.object({ requestId: z.uuid() }),
    maxAttempts: 5,
  },
  /** End of the download window: the package file is deleted. */
  'delete-data-package': {
    payload: z.object({ packageId: z.uuid() }),
    maxAttempts: 25,
  },
  /** EVIDENCE_RETENTION_DAYS after staff decided on an identity document: its file is deleted. */
  'delete-identity-evidence': {
    payload: z.object({ evidenceId: z.uuid() }),
    maxAttempts: 25,
  },
  /**
   * A DRP request's status, POSTed to the agent's status_callback (lib/drp/send-status-callback.ts).
   * Queued by a trigger on every status or due-date change (migration 20261202200000, which repeats
   * this budget): exp(attempt) seconds apart, 8 attempts span about half an hour.
   */
  'send-drp-status-callback': {
    payload: z.object({ drpRequestId: z.uuid() }),
    maxAttempts: 8,
  },
  /**
   * One batch of a re-key run (lib/keys/rekey-batch.ts), which queues the next batch with its progress.
   * A run interrupted by a failing batch resumes from its saved position on the retry.
   */
  rekey: {
    payload: z.object({ runId: z.uuid() }),
    maxAttempts: 25,
  },
  /**
   * One webhook event to one endpoint (lib/webhooks/deliver-webhook.ts). Queued by webhook_emit() in
   * migration 20261203060000, which repeats this budget: exp(attempt) seconds apart, 12 attempts span
   * about 16 hours.
   */
  'deliver-webhook': {
    payload: z.object({ deliveryId: z.uuid() }),
    maxAttempts: 12,
  },
  /** Daily (crontab): purge verification evidence and personal data past their retention windows. */
  'purge-expired-records': {
    payload: z.object({}).passthrough(),
    maxAttempts: 5,
  },
} as const;

export type JobName = keyof typeof jobs;
export type JobPayload<N extends JobName> = z.input<(typeof jobs)[N]['payload']>;
export type JobData<N extends JobName> = z.output<(typeof jobs)[N]['payload']>;
