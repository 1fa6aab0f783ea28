/**
 * A webhook system's later answer, POSTed to the callback URL the job carried. Accepted only with
 * the task's current callback token, a valid signature under the system's secret, a timestamp
 * within tolerance, and a signature never seen before (replay). The answer is validated like a
 * synchronous one; a bad answer fails the task visibly.
 */
import { db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import { hashesEqual, hashToken } from '../security/tokens';
import { isUuid } from '../uuid';
import { openConnectorSecret } from './connector-secret';
import { ConnectorError } from './connectors/connector-error';
import { verifySignature, TOLERANCE_SECONDS } from './connectors/signing';
import { outcomeOf, parseAnswer } from './connectors/webhook-answer';
import { failAutomatedTask, finishAutomatedTask } from './run-task';

export async function receiveWebhookCallback(options: {
  taskId: string;
  token: string | null;
  signature: string | null;
  body: string;
  now?: number;
}) {
  if (!isUuid(options.taskId) || !options.token) throw new AppError('NOT_FOUND', 'No such callback.');
  const task = await db().fulfilmentTask.findUnique({ where: { id: options.taskId }, include: { system: true } });
  if (!task || !task.callbackTokenHash || !hashesEqual(task.callbackTokenHash, hashToken(options.token)))
    throw new AppError('NOT_FOUND', 'No such callback, or it has been answered already.');
  if (!task.system?.webhookSecret) throw new AppError('CONFLICT', 'The system has no webhook secret.');
  const check = verifySignature(
    openConnectorSecret(task.system.webhookSecret),
    options.body,
    options.signature,
    options.now,
  );
  if (!check.ok)
    throw new AppError(
      'UNAUTHORIZED',
      check.reason === 'stale'
        ? `The signature timestamp is outside the ${TOLERANCE_SECONDS}-second window.`
        : 'The callback signature is missing or wrong.',
    );
  // Remember the signature; a second delivery of the same message is refused even inside the window.
  const fresh = await db().webhookNonce.createMany({ data: [{ signature: check.signature }], skipDuplicates: true });
  if (fresh.count === 0) throw new AppError('CONFLICT', 'This callback was already received (replay).');
  await db().webhookNonce.deleteMany({
    where: { receivedAt: { lt: new Date(Date.now() - 2 * TOLERANCE_SECONDS * 1000) } },
  });
  if (task.status !== 'running') throw new AppError('GONE', 'This task is no longer waiting for an answer.');
  try {
    const answer = parseAnswer(options.body);
    if (answer.status === 'accepted') return { status: 'running' as const };
    if (answer.status === 'failed') throw new ConnectorError(`The system reported a failure: ${answer.reason}`, false);
    await finishAutomatedTask(task.id, await outcomeOf(answer, task.id, task.type));
    return { status: 'done' as const };
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    await failAutomatedTask(task.id, error.message);
    throw new AppError('INVALID_INPUT', error.message);
  }
}

export function callbackBodyLimit() {
  return Math.floor(env().CONNECTOR_MAX_RESPONSE_MB * 1024 * 1024);
}
