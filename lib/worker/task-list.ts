import type { Task, TaskList } from 'graphile-worker';
import { deliverEmail } from '../email/deliver-email';
import { acknowledgeRequest } from '../clock/acknowledge-request';
import { dailySweep } from '../clock/daily-sweep';
import { notifyDeadline } from '../clock/notify-deadline';
import {
  buildDataPackage,
  deleteDataPackage,
  markPackageFailedOnceReachable,
} from '../fulfilment/package/build-data-package';
import { runFulfilmentTask } from '../fulfilment/run-task';
import { purgeExpiredRecords } from '../retention/purge-expired-records';
import { deleteIdentityEvidence } from '../retention/delete-identity-evidence';
import { expireUnverifiedRequest } from '../requests/expire-unverified-request';
import { remindUnverifiedRequest } from '../verification/remind-unverified-request';
import { closeUnverifiableRequests } from '../requests/close-unverifiable-requests';
import { sendStaffDigest } from '../clock/send-staff-digest';
import { sendDrpStatusCallback } from '../drp/send-status-callback';
import { rekeyBatch } from '../keys/rekey-batch';
import { deliverWebhook } from '../webhooks/deliver-webhook';
import { type JobData, type JobName, jobs } from '../queue/jobs';
import { observeJob, observePackageBuild } from '../observability/observe-job';

/**
 * Wraps a handler so that its payload is parsed with the job's schema before it runs, inside the
 * job's span and counted in the metrics (lib/observability/observe-job.ts).
 */
function task<N extends JobName>(
  name: N,
  run: (payload: JobData<N>, helpers: Parameters<Task>[1]) => Promise<void>,
): Task {
  return async (payload, helpers) =>
    observeJob(name, payload, helpers.job.attempts, () =>
      run(jobs[name].payload.parse(payload) as JobData<N>, helpers),
    );
}

/** The handler of each job in lib/queue/jobs.ts. */
export const taskList: TaskList = {
  'deliver-email': task('deliver-email', ({ outboxId }, { job }) =>
    deliverEmail({ outboxId, attempt: job.attempts, maxAttempts: job.max_attempts }),
  ),
  'expire-unverified-request': task('expire-unverified-request', ({ requestId }) =>
    expireUnverifiedRequest({ requestId }),
  ),
  'remind-unverified-request': task('remind-unverified-request', (payload) => remindUnverifiedRequest(payload)),
  'acknowledge-request': task('acknowledge-request', ({ requestId }) => acknowledgeRequest({ requestId })),
  'deadline-reminder': task('deadline-reminder', (payload) => notifyDeadline(payload)),
  'staff-digest': task('staff-digest', ({ userId }) => sendStaffDigest({ userId })),
  'run-fulfilment-task': task('run-fulfilment-task', ({ taskId }, { job }) =>
    runFulfilmentTask({ taskId, attempt: job.attempts, maxAttempts: job.max_attempts }),
  ),
  'build-data-package': task('build-data-package', async ({ requestId }, { job }) => {
    try {
      await observePackageBuild(() => buildDataPackage({ requestId }));
    } catch (error) {
      if (job.attempts >= job.max_attempts) await markPackageFailedOnceReachable(requestId, error);
      throw error;
    }
  }),
  'delete-data-package': task('delete-data-package', ({ packageId }) => deleteDataPackage({ packageId })),
  'delete-identity-evidence': task('delete-identity-evidence', async ({ evidenceId }) => {
    await deleteIdentityEvidence({ evidenceId });
  }),
  'send-drp-status-callback': task('send-drp-status-callback', ({ drpRequestId }, { job }) =>
    sendDrpStatusCallback({ drpRequestId, attempt: job.attempts, maxAttempts: job.max_attempts }),
  ),
  'deliver-webhook': task('deliver-webhook', ({ deliveryId }, { job }) =>
    deliverWebhook({ deliveryId, attempt: job.attempts, maxAttempts: job.max_attempts }),
  ),
  'daily-sweep': task('daily-sweep', async () => void (await dailySweep())),
  'close-unverifiable-requests': task(
    'close-unverifiable-requests',
    async () => void (await closeUnverifiableRequests()),
  ),
  rekey: task('rekey', async ({ runId }) => void (await rekeyBatch({ runId }))),
  'purge-expired-records': task('purge-expired-records', async () => void (await purgeExpiredRecords())),
};

/**
 * graphile-worker crontab: the retention purge every day at 04:00 UTC, the repair sweep at 05:00 UTC and
 * the closing of requests still unverified at their due date at 05:30 UTC
 * (missed runs up to a day late are caught up).
 */
export const crontab = [
  '0 4 * * * purge-expired-records ?fill=1d',
  '0 5 * * * daily-sweep ?fill=1d',
  '30 5 * * * close-unverifiable-requests ?fill=1d',
].join('\n');
