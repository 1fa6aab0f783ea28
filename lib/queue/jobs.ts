/**
 * Every job the worker runs: its name, the zod schema of its payload and its retry budget. The
 * handlers live with their domain and are wired in lib/queue/task-list.ts.
 */
import { z } from 'zod';

export const jobs = {
  'deliver-email': {
    payload: z.object({ outboxId: z.uuid() }),
    // With graphile-worker's exponential backoff, 12 attempts span about a day and a half.
    maxAttempts: 12,
  },
  'expire-unverified-request': {
    payload: z.object({ requestId: z.uuid() }),
    maxAttempts: 25,
  },
} as const;

export type JobName = keyof typeof jobs;
export type JobPayload<N extends JobName> = z.input<(typeof jobs)[N]['payload']>;
export type JobData<N extends JobName> = z.output<(typeof jobs)[N]['payload']>;
