import type { Tx } from '../db';
import { Prisma } from '../generated/prisma/client';
import { currentTraceCarrier } from '../tracing/span';
import { type JobName, type JobPayload, jobs } from './jobs';

export type AddJobOptions = {
  runAt?: Date;
  /** A job with the same key is replaced rather than duplicated (rescheduling a clock, say). */
  jobKey?: string;
  maxAttempts?: number;
  priority?: number;
  /** 'replace' (default) moves an existing job with the key; 'preserve_run_at' keeps its time (batching). */
  jobKeyMode?: 'replace' | 'preserve_run_at';
};

/**
 * Adds a graphile-worker job inside the caller's transaction: if the transaction rolls back, the job
 * was never there; if it commits, the job is.
 */
export async function addJob<N extends JobName>(tx: Tx, name: N, payload: JobPayload<N>, options: AddJobOptions = {}) {
  const definition = jobs[name];
  // With tracing on, the job carries the trace it was added in (its handler's schema drops the key).
  const parsed = { ...definition.payload.parse(payload), ...currentTraceCarrier() };
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${name}::text,
    ${JSON.stringify(parsed)}::json,
    queue_name => NULL,
    run_at => ${options.runAt ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? definition.maxAttempts}::int,
    job_key => ${options.jobKey ?? null}::text,
    priority => ${options.priority ?? 0}::int,
    job_key_mode => ${options.jobKeyMode ?? 'replace'}::text
  )`;
}

/** One job of a batch, for `addJobs` and `jobSpecs`. Replace mode only: a keyed job is moved, never duplicated. */
export type JobRequest = {
  [N in JobName]: { name: N; payload: JobPayload<N>; runAt?: Date; jobKey?: string };
}[JobName];

/**
 * The SQL array of graphile-worker job specs for `graphile_worker.add_jobs(specs)`, which is what
 * `add_job` calls in replace mode: several jobs in one statement, each as `addJob` would add it.
 */
export function jobSpecs(requests: readonly JobRequest[]): Prisma.Sql {
  const carrier = currentTraceCarrier();
  const specs = requests.map(({ name, payload, runAt, jobKey }) => {
    const definition = jobs[name];
    const parsed = { ...definition.payload.parse(payload), ...carrier };
    return Prisma.sql`(${name}::text, ${JSON.stringify(parsed)}::json, NULL::text, ${runAt ?? null}::timestamptz,
      ${definition.maxAttempts}::smallint, ${jobKey ?? null}::text, 0::smallint, NULL::text[])::graphile_worker.job_spec`;
  });
  return Prisma.sql`ARRAY[${Prisma.join(specs)}]::graphile_worker.job_spec[]`;
}

/** Removes a scheduled job by its key (a clock that no longer runs). */
export async function removeJob(tx: Tx, jobKey: string) {
  await tx.$executeRaw`SELECT graphile_worker.remove_job(${jobKey}::text)`;
}
