/**
 * The `run-fulfilment-task` job: runs an automated task's connector and records what it did. A
 * misbehaving system fails only its own task, visibly (status failed, the reason for staff), never
 * the request: retryable failures go back to the queue until the last attempt.
 */
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { logger } from '../logger';
import { ConnectorError } from './connectors/connector-error';
import { runPostgresConnector, type ConnectorJob } from './connectors/postgres-connector';
import { sendWebhookJob } from './connectors/webhook-connector';
import type { TaskOutcome } from './outcome';
import { provenIdentities } from '../verification/account-email-claim';
import { completeHonoredOptOut } from './complete-honored-opt-out';
import { createRecipientTasks } from './create-tasks';
import { taskMayProceed } from './opt-out-tasks';

/** Records a finished automated task (from the job, or from a webhook callback). */
export async function finishAutomatedTask(taskId: string, outcome: TaskOutcome) {
  await db().$transaction(async (tx) => {
    // A task an admin closed meanwhile stays closed.
    const { count } = await tx.fulfilmentTask.updateMany({
      where: { id: taskId, status: { in: ['open', 'running'] } },
      data: { status: 'done', outcome, lastError: null, completedAt: new Date(), callbackTokenHash: null },
    });
    if (count === 0) return;
    const task = await tx.fulfilmentTask.findUniqueOrThrow({ where: { id: taskId } });
    await recordAuditEvent(tx, {
      requestId: task.requestId,
      action: 'task.done',
      actor: { type: 'system' },
      data: { taskId, type: task.type, outcome },
    });
    await createRecipientTasks(tx, task.requestId);
    await completeHonoredOptOut(tx, task.requestId);
  });
}

export async function failAutomatedTask(taskId: string, message: string) {
  await db().$transaction(async (tx) => {
    const { count } = await tx.fulfilmentTask.updateMany({
      where: { id: taskId, status: { in: ['open', 'running'] } },
      data: { status: 'failed', lastError: message.slice(0, 2000), callbackTokenHash: null },
    });
    if (count === 0) return;
    const task = await tx.fulfilmentTask.findUniqueOrThrow({ where: { id: taskId } });
    await recordAuditEvent(tx, {
      requestId: task.requestId,
      action: 'task.failed',
      actor: { type: 'system' },
      data: { taskId, type: task.type, error: message.slice(0, 500) },
    });
  });
}

export async function runFulfilmentTask(options: { taskId: string; attempt: number; maxAttempts: number }) {
  const task = await db().fulfilmentTask.findUnique({
    where: { id: options.taskId },
    include: {
      system: true,
      request: {
        select: {
          status: true,
          types: true,
          email: true,
          accountEmail: true,
          accountEmailVerifiedAt: true,
          number: true,
          receivedAt: true,
        },
      },
    },
  });
  if (
    !task?.automated ||
    !task.system ||
    !['open', 'running'].includes(task.status) ||
    !taskMayProceed(task.type, task.request)
  )
    return;
  await db().fulfilmentTask.update({ where: { id: task.id }, data: { status: 'running', attempts: { increment: 1 } } });
  // Only addresses the requester proved control of reach a system: the request's email (its
  // verification link) and the account email once proven by a link sent to it. Until then that
  // address is a claim, and finding, copying or erasing data by it would act for whoever owns it.
  const identities = provenIdentities(task.request);
  const job: ConnectorJob = { taskId: task.id, type: task.type, identities, change: task.change };
  try {
    if (task.system.kind === 'postgres') {
      await finishAutomatedTask(task.id, await runPostgresConnector(task.system, job));
    } else if (task.system.kind === 'webhook') {
      const answer = await sendWebhookJob(task.system, job, task.request);
      if (answer) await finishAutomatedTask(task.id, answer);
      // Otherwise the system accepted the job and answers later on the callback URL.
    } else {
      throw new ConnectorError('The system no longer has a connector; finish the task by hand.', false);
    }
  } catch (error) {
    const known = error instanceof ConnectorError;
    const message = known ? error.message : 'The connector failed unexpectedly.';
    if (!known) logger.error({ err: error, taskId: task.id }, 'connector failed');
    if (known && error.retryable && options.attempt < options.maxAttempts) {
      await db().fulfilmentTask.update({
        where: { id: task.id },
        data: { status: 'open', lastError: `${message} (will retry)`.slice(0, 2000) },
      });
      throw error;
    }
    await failAutomatedTask(task.id, message);
  }
}
