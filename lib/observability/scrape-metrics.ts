/**
 * What GET /api/metrics answers: the Prometheus text of this process's instruments, with the gauges
 * that describe the whole installation read from PostgreSQL now. Every instance answers the same
 * gauges (the database is shared); the histograms and counters are this process's own.
 *
 * Each query reads an index built for it: the queue and outbox tables are small next to the
 * requests; open and overdue requests come from the partial indexes on open rows
 * (privacy_request_open_metrics_idx, privacy_request_open_due_idx) and failed connector tasks from
 * fulfilment_task_failed_idx, so a scrape costs the same at 1,000,000 requests as at 1,000.
 */
import { db } from '../db';
import { jobs } from '../queue/jobs';
import { instruments } from './registry';

/** graphile-worker 0.17 (its migration 000011): a job is available while unlocked and not out of attempts. */
const JOB_STATES = ['due', 'scheduled', 'running', 'retrying', 'failed'] as const;

type QueueRow = { task: string; state: string; jobs: bigint; oldest_due_seconds: number | null };

async function readQueue(now: Date) {
  return db().$queryRaw<QueueRow[]>`
    SELECT t.identifier AS task, s.state, count(*) AS jobs,
           extract(epoch FROM ${now}::timestamptz - min(j.run_at) FILTER (WHERE s.state = 'due'))::float8 AS oldest_due_seconds
    FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    CROSS JOIN LATERAL (SELECT CASE
      WHEN j.attempts >= j.max_attempts THEN 'failed'
      WHEN j.locked_at IS NOT NULL THEN 'running'
      WHEN j.last_error IS NOT NULL THEN 'retrying'
      WHEN j.run_at <= ${now}::timestamptz THEN 'due'
      ELSE 'scheduled' END AS state) s
    GROUP BY t.identifier, s.state`;
}

async function readDatabaseGauges(now: Date) {
  const [queue, emails, open, overdue, connectors] = await Promise.all([
    readQueue(now),
    db().$queryRaw<{ status: string; emails: bigint; oldest: Date }[]>`
      SELECT status::text AS status, count(*) AS emails, min(created_at) AS oldest
      FROM outbox_email WHERE status IN ('pending', 'failed') GROUP BY status`,
    db().$queryRaw<{ status: string; requests: bigint }[]>`
      SELECT status::text AS status, count(*) AS requests
      FROM privacy_request WHERE closed_at IS NULL GROUP BY status`,
    db().$queryRaw<{ requests: bigint }[]>`
      SELECT count(*) AS requests FROM privacy_request WHERE closed_at IS NULL AND due_at < ${now}`,
    db().$queryRaw<{ system: string; tasks: bigint }[]>`
      SELECT s.key AS system, count(*) AS tasks
      FROM fulfilment_task t JOIN data_system s ON s.id = t.system_id
      WHERE t.status = 'failed' AND t.automated GROUP BY s.key`,
  ]);
  return { queue, emails, open, overdue: Number(overdue[0]?.requests ?? 0), connectors };
}

function setDatabaseGauges(read: Awaited<ReturnType<typeof readDatabaseGauges>>, now: Date) {
  const m = instruments();
  for (const gauge of [m.queueJobs, m.queueAge, m.emails, m.requestsOpen, m.connectorFailures]) gauge.reset();
  // Every known job type and state appears, at 0 when empty, so an alert on a series has one to read;
  // a job type added elsewhere (drp-status-callback) appears as soon as it has jobs.
  for (const task of Object.keys(jobs)) {
    for (const state of JOB_STATES) m.queueJobs.set({ task, state }, 0);
    m.queueAge.set({ task }, 0);
  }
  for (const row of read.queue) {
    m.queueJobs.set({ task: row.task, state: row.state }, Number(row.jobs));
    if (row.state === 'due') m.queueAge.set({ task: row.task }, Math.max(0, row.oldest_due_seconds ?? 0));
  }
  m.emails.set({ status: 'pending' }, 0);
  m.emails.set({ status: 'failed' }, 0);
  m.emailAge.set(0);
  for (const row of read.emails) {
    m.emails.set({ status: row.status }, Number(row.emails));
    if (row.status === 'pending') m.emailAge.set(Math.max(0, (now.getTime() - row.oldest.getTime()) / 1000));
  }
  for (const status of ['unverified', 'verified', 'in_progress', 'awaiting_requester'])
    m.requestsOpen.set({ status }, 0);
  for (const row of read.open) m.requestsOpen.set({ status: row.status }, Number(row.requests));
  m.requestsOverdue.set(read.overdue);
  for (const row of read.connectors) m.connectorFailures.set({ system: row.system }, Number(row.tasks));
}

/** The Prometheus text exposition; without the database gauges (counted, and portal_metrics_database_up 0) when the database does not answer. */
export async function scrapeMetrics(): Promise<{ contentType: string; body: string }> {
  const m = instruments();
  const now = new Date();
  try {
    setDatabaseGauges(await readDatabaseGauges(now), now);
    m.databaseUp.set(1);
  } catch {
    // No stale figure survives: labelled series disappear, the two without labels read NaN.
    m.scrapeErrors.inc();
    m.databaseUp.set(0);
    for (const gauge of [m.queueJobs, m.queueAge, m.emails, m.requestsOpen, m.connectorFailures]) gauge.reset();
    m.emailAge.set(Number.NaN);
    m.requestsOverdue.set(Number.NaN);
  }
  return { contentType: m.registry.contentType, body: await m.registry.metrics() };
}
