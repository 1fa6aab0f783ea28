import { db } from '../../lib/db';

/**
 * Empties the portal's tables and the job queue between test files (recipients too: a test that
 * wants recipients told adds its own). The audit log refuses deletes
 * by design, so its guard triggers are switched off for this statement only (tests own the database).
 */
export async function resetDatabase() {
  await db().$transaction([
    db().$executeRawUnsafe('ALTER TABLE audit_event DISABLE TRIGGER USER'),
    db().$executeRawUnsafe(
      'TRUNCATE audit_event, outbox_email, email_template_version, assignment_rule, verification_link, privacy_request, staff_user, staff_login_token, rate_limit, data_recipient RESTART IDENTITY CASCADE',
    ),
    db().$executeRawUnsafe('ALTER TABLE audit_event ENABLE TRIGGER USER'),
    db().$executeRawUnsafe('DELETE FROM graphile_worker._private_jobs'),
  ]);
}

/** Jobs waiting in the queue, by task name (graphile-worker 0.17's tables). */
export async function queuedJobs(taskIdentifier?: string) {
  return db().$queryRaw<
    {
      id: bigint;
      task_identifier: string;
      payload: Record<string, unknown>;
      run_at: Date;
      key: string | null;
      attempts: number;
    }[]
  >`
    SELECT j.id, t.identifier AS task_identifier, j.payload, j.run_at, j.key, j.attempts
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE ${taskIdentifier ?? null}::text IS NULL OR t.identifier = ${taskIdentifier ?? null}::text
    ORDER BY j.id`;
}
