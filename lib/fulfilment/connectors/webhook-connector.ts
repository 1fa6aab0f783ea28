/**
 * The HTTP webhook connector: POSTs a signed JSON job to the system and reads its answer. The answer
 * is held to a size limit, a content type and a schema; anything else fails the task, not the
 * request. A 202 (or `{ status: "accepted" }`) means the system answers later on the callback URL,
 * which carries a fresh single-use token per dispatch.
 */
import { randomUUID } from 'node:crypto';
import { db } from '../../db';
import { env } from '../../env';
import { formatReference } from '../../universal/reference';
import { generateToken, hashToken } from '../../security/tokens';
import type { TaskOutcome } from '../outcome';
import { openConnectorSecret } from '../connector-secret';
import { ConnectorError } from './connector-error';
import { type CheckedAddress, postToCheckedAddress, resolveAllowed } from './network-guard';
import type { ConnectorJob } from './postgres-connector';
import { SIGNATURE_HEADER, sign } from './signing';
import { outcomeOf, parseAnswer } from './webhook-answer';

type WebhookSystem = { webhookUrl: string | null; webhookSecret: string | null; allowPrivateNetwork: boolean };

export function callbackUrl(taskId: string, token: string) {
  return `${env().APP_URL}/api/fulfilment/callbacks/${taskId}?token=${token}`;
}

/** POSTs `body` to the checked address, reading at most `limit` bytes of the answer. */
export function post(url: URL, address: CheckedAddress, body: string, headers: Record<string, string>, limit: number) {
  return new Promise<{ status: number; contentType: string; text: string }>((resolve, reject) => {
    const req = postToCheckedAddress(
      url,
      address,
      body,
      { headers, userAgent: 'bitstride-privacy-portal', timeoutMs: env().CONNECTOR_TIMEOUT_SECONDS * 1000 },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const declared = Number(res.headers['content-length'] ?? 0);
        if (declared > limit) {
          res.destroy();
          return reject(new ConnectorError(`The system's answer is larger than the ${limit} byte limit.`, false));
        }
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) {
            res.destroy();
            reject(new ConnectorError(`The system's answer is larger than the ${limit} byte limit.`, false));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', (e) =>
          reject(new ConnectorError(`The connection broke while reading the answer (${e.message}).`, true)),
        );
      },
    );
    req.on('timeout', () => req.destroy(new ConnectorError('The system did not answer in time.', true)));
    req.on('error', (e) =>
      reject(e instanceof ConnectorError ? e : new ConnectorError(`Could not reach the system (${e.message}).`, true)),
    );
    req.end(body);
  });
}

/** The stored secret opened; one that does not open (its storage key is not configured) retries. */
function signingSecret(stored: string): string {
  try {
    return openConnectorSecret(stored);
  } catch (error) {
    throw new ConnectorError(`The system's webhook secret cannot be opened: ${(error as Error).message}.`, true);
  }
}

/** Sends the job; returns the outcome when the system answered at once, null when it will call back. */
export async function sendWebhookJob(
  system: WebhookSystem,
  job: ConnectorJob,
  request: { number: number; receivedAt: Date },
): Promise<TaskOutcome | null> {
  if (!system.webhookUrl || !system.webhookSecret)
    throw new ConnectorError('The system has no webhook URL or secret configured.', false);
  const url = new URL(system.webhookUrl);
  const address = await resolveAllowed(url.hostname, system.allowPrivateNetwork);
  const token = generateToken();
  await db().fulfilmentTask.update({ where: { id: job.taskId }, data: { callbackTokenHash: hashToken(token) } });
  const body = JSON.stringify({
    id: randomUUID(),
    reference: formatReference(request.number, request.receivedAt),
    taskId: job.taskId,
    taskType: job.type,
    subject: { identities: job.identities.map((value) => ({ type: 'email', value })) },
    ...(job.change ? { change: job.change } : {}),
    callbackUrl: callbackUrl(job.taskId, token),
  });
  const limit = Math.floor(env().CONNECTOR_MAX_RESPONSE_MB * 1024 * 1024);
  const res = await post(
    url,
    address,
    body,
    { [SIGNATURE_HEADER]: sign(signingSecret(system.webhookSecret), body) },
    limit,
  );
  if (res.status === 202) return null;
  if (res.status >= 500 || res.status === 429 || res.status === 408)
    throw new ConnectorError(`The system answered HTTP ${res.status}.`, true);
  if (res.status < 200 || res.status >= 300)
    throw new ConnectorError(`The system refused the job (HTTP ${res.status}).`, false);
  if (!/^application\/json\b/i.test(res.contentType))
    throw new ConnectorError(
      `The system answered with ${res.contentType || 'no content type'} instead of JSON.`,
      false,
    );
  const answer = parseAnswer(res.text);
  if (answer.status === 'accepted') return null;
  if (answer.status === 'failed') throw new ConnectorError(`The system reported a failure: ${answer.reason}`, false);
  return outcomeOf(answer, job.taskId, job.type);
}
