import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db';
import { ConnectorError } from '../fulfilment/connectors/connector-error';
import { resolveAllowed } from '../fulfilment/connectors/network-guard';
import { post } from '../fulfilment/connectors/webhook-connector';
import { drpStatusObject } from './drp-status';

/** The agent's answer is discarded (§2.03.1): read no more of it than this. */
const ANSWER_LIMIT = 16 * 1024;

/**
 * POSTs a DRP request's current status to its `status_callback` (§2.03), from the job queue: best
 * effort until the agent answers 200, with graphile-worker's backoff and a bounded number of
 * attempts (jobs.ts). The URL passes the webhook connectors' SSRF guard: a loopback, private or
 * link-local address is refused, and never retried, unless the agent's record allows private networks.
 */
export async function sendDrpStatusCallback(options: { drpRequestId: string; attempt: number; maxAttempts: number }) {
  const drp = await db().drpRequest.findUnique({ where: { id: options.drpRequestId }, include: { agent: true } });
  if (!drp?.statusCallback) return;
  const status = await drpStatusObject(drp.id);
  const audit = (action: string, data: Record<string, unknown>) =>
    db().$transaction((tx) =>
      recordAuditEvent(tx, {
        requestId: drp.requestId,
        action,
        actor: { type: 'system' },
        data: { agentId: drp.agentId, drpRequestId: drp.id, status: status.status, attempt: options.attempt, ...data },
      }),
    );
  const url = new URL(drp.statusCallback);
  try {
    const address = await resolveAllowed(url.hostname, drp.agent.allowPrivateNetwork);
    const answer = await post(url, address, JSON.stringify(status), {}, ANSWER_LIMIT);
    if (answer.status !== 200) throw new ConnectorError(`The agent answered HTTP ${answer.status}.`, true);
  } catch (error) {
    const retryable = !(error instanceof ConnectorError) || error.retryable;
    const message = error instanceof Error ? error.message : String(error);
    if (!retryable) return void (await audit('drp.callback.refused', { error: message }));
    if (options.attempt >= options.maxAttempts) await audit('drp.callback.failed', { error: message });
    throw error;
  }
  await audit('drp.callback.sent', {});
}
