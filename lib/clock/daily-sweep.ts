import { db } from '../db';
import { logger } from '../logger';
import { addJob } from '../queue/add-job';
import { jobKeyExists } from '../queue/job-key-exists';
import { scheduleAcknowledgement } from './acknowledge-request';
import { ACTIVE_CLOCK_STATUSES } from './clock-statuses';
import { requestDeadline } from './request-deadline';
import { deadlineJobKey, scheduleAppealDeadlineJobs, scheduleDeadlineJobs } from './schedule-deadline-jobs';

const BATCH = 500;

export type SweepReport = {
  checked: number;
  dueDatesFixed: number;
  deadlineJobsRepaired: number;
  appealJobsRepaired: number;
  expiryJobsRepaired: number;
  emailJobsRepaired: number;
  acknowledgementsRepaired: number;
  packageBuildsRepaired: number;
};

/**
 * The daily sweep (graphile-worker crontab): recomputes every open request's deadline from the rules
 * and repairs whatever is missing — a lost reminder or overdue job (of a request or a pending appeal),
 * expiry job, acknowledgement job, email delivery job or data package build — so that no lost job can
 * make a deadline silent or leave a package building for good. Idempotent.
 */
export async function dailySweep(now = new Date()): Promise<SweepReport> {
  const report: SweepReport = {
    checked: 0,
    dueDatesFixed: 0,
    deadlineJobsRepaired: 0,
    appealJobsRepaired: 0,
    expiryJobsRepaired: 0,
    emailJobsRepaired: 0,
    acknowledgementsRepaired: 0,
    packageBuildsRepaired: 0,
  };
  let cursor: string | undefined;
  for (;;) {
    const requests = await db().privacyRequest.findMany({
      where: { status: { in: ['unverified', ...ACTIVE_CLOCK_STATUSES] }, ...(cursor ? { id: { gt: cursor } } : {}) },
      include: { pauses: true },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    if (requests.length === 0) break;
    cursor = requests.at(-1)!.id;
    for (const request of requests) {
      report.checked += 1;
      await db().$transaction(async (tx) => {
        if (request.status === 'unverified') {
          if (!(await jobKeyExists(tx, `expire-unverified:${request.id}`))) {
            const latest = await tx.verificationLink.findFirst({
              where: { requestId: request.id },
              orderBy: { expiresAt: 'desc' },
            });
            await addJob(
              tx,
              'expire-unverified-request',
              { requestId: request.id },
              { runAt: latest?.expiresAt ?? now, jobKey: `expire-unverified:${request.id}` },
            );
            report.expiryJobsRepaired += 1;
          }
        } else {
          const deadline = requestDeadline(request, now);
          if (deadline.dueAt.getTime() !== request.dueAt.getTime()) {
            await tx.privacyRequest.update({ where: { id: request.id }, data: { dueAt: deadline.dueAt } });
            report.dueDatesFixed += 1;
            await scheduleDeadlineJobs(tx, { id: request.id, dueAt: deadline.dueAt }, now);
          } else if (!(await jobKeyExists(tx, deadlineJobKey.overdue(request.id)))) {
            await scheduleDeadlineJobs(tx, request, now);
            report.deadlineJobsRepaired += 1;
          }
        }
        if (
          !request.acknowledgedAt &&
          requestDeadline(request, now).acknowledgeBy &&
          !(await jobKeyExists(tx, deadlineJobKey.acknowledge(request.id)))
        ) {
          await scheduleAcknowledgement(tx, request);
          report.acknowledgementsRepaired += 1;
        }
      });
    }
  }
  report.appealJobsRepaired = await repairAppealDeadlineJobs(now);
  report.emailJobsRepaired = await repairEmailJobs(now);
  report.packageBuildsRepaired = await repairPackageBuilds(now);
  logger.info({ report }, 'daily sweep done');
  return report;
}

/** Pending appeals whose escalation job is gone get their reminders and escalation again. */
async function repairAppealDeadlineJobs(now: Date): Promise<number> {
  const appeals = await db().requestAppeal.findMany({
    where: { status: 'pending' },
    select: { id: true, requestId: true, dueAt: true },
  });
  let repaired = 0;
  for (const appeal of appeals) {
    await db().$transaction(async (tx) => {
      if (await jobKeyExists(tx, deadlineJobKey.appealOverdue(appeal.id))) return;
      await scheduleAppealDeadlineJobs(tx, appeal, now);
      repaired += 1;
    });
  }
  return repaired;
}

/** Pending outbox rows whose delivery job is gone get a new one. */
async function repairEmailJobs(now: Date): Promise<number> {
  const orphans = await db().$queryRaw<{ id: string }[]>`
    SELECT o.id FROM outbox_email o
    WHERE o.status = 'pending' AND o.created_at < ${new Date(now.getTime() - 5 * 60_000)}
      AND NOT EXISTS (
        SELECT 1 FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
        WHERE t.identifier = 'deliver-email' AND j.payload->>'outboxId' = o.id::text)`;
  for (const { id } of orphans) await db().$transaction((tx) => addJob(tx, 'deliver-email', { outboxId: id }));
  return orphans.length;
}

/** graphile-worker's own limit: a job locked longer than this is taken to have lost its worker. */
const JOB_LOCK_HOURS = 4;

/**
 * Packages building with no build left to finish them, built again. That happens when a worker died
 * during the last attempt (graphile-worker never runs a job again once its attempts are spent), or
 * when the last attempt failed while the database was out of reach for longer than marking the
 * package failed waits (build-data-package.ts markPackageFailedOnceReachable). A build still waiting,
 * retrying or running (locked within graphile-worker's limit) is left alone; so is a package made in
 * the last hour. The new build replaces any unfinished upload under the package's key.
 */
async function repairPackageBuilds(now: Date): Promise<number> {
  const stuck = await db().$queryRaw<{ requestId: string }[]>`
    SELECT p.request_id::text AS "requestId" FROM data_package p
    WHERE p.status = 'building' AND p.created_at < ${new Date(now.getTime() - 60 * 60_000)}
      AND NOT EXISTS (
        SELECT 1 FROM graphile_worker._private_jobs j
        WHERE j.key = 'build-data-package:' || p.request_id::text
          AND (j.attempts < j.max_attempts OR j.locked_at > ${new Date(now.getTime() - JOB_LOCK_HOURS * 3_600_000)}))`;
  for (const { requestId } of stuck) {
    logger.warn({ requestId }, 'data package left building with no build: building it again');
    await db().$transaction((tx) =>
      addJob(tx, 'build-data-package', { requestId }, { jobKey: `build-data-package:${requestId}` }),
    );
  }
  return stuck.length;
}
