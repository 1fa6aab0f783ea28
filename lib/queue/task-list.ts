import type { Task, TaskList } from 'graphile-worker';
import { deliverEmail } from '../email/deliver-email';
import { expireUnverifiedRequest } from '../requests/expire-unverified-request';
import { type JobData, type JobName, jobs } from './jobs';

/** Wraps a handler so that its payload is parsed with the job's schema before it runs. */
function task<N extends JobName>(name: N, run: (payload: JobData<N>, helpers: Parameters<Task>[1]) => Promise<void>): Task {
  return async (payload, helpers) => run(jobs[name].payload.parse(payload) as JobData<N>, helpers);
}

/** The handler of each job in lib/queue/jobs.ts. */
export const taskList: TaskList = {
  'deliver-email': task('deliver-email', ({ outboxId }, { job }) =>
    deliverEmail({ outboxId, attempt: job.attempts, maxAttempts: job.max_attempts }),
  ),
  'expire-unverified-request': task('expire-unverified-request', ({ requestId }) => expireUnverifiedRequest({ requestId })),
};
