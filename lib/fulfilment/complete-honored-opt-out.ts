import { recordAuditEvent } from '../audit/record-audit-event';
import { requestTimeZone } from '../clock/request-deadline';
import { cancelDeadlineJobs } from '../clock/schedule-deadline-jobs';
import type { Tx } from '../db';
import { brand, enqueueEmail } from '../email/enqueue-email';
import { publicLinks } from '../email/public-links';
import { REQUEST_TYPE_LABELS, type RequestType } from '../universal/codes';
import type { TaskStatus } from '../generated/prisma/client';
import { formatReference } from '../universal/reference';
import { actedAtReceiptNoun } from '../universal/opt-out-wording';
import { isOptOutOnly, optOutTypes } from '../verification/opt-outs';
import { fulfilmentSummary } from './fulfilment-summary';
import { optOutTaskTypes } from './opt-out-tasks';

const FINISHED: TaskStatus[] = ['done', 'closed'];

export const OPT_OUT_HONORED_SUMMARY = 'Opt-out honored';

/**
 * Called in the transaction that finishes one of a request's tasks. When every task of the request's
 * opt-outs is finished (done, or closed by an admin with a reason), the opt-out is honored:
 * - a request of opt-outs only is completed by the system (audited, the requester emailed with what
 *   each system did): nobody has anything left to decide, so no staff member has to press Complete;
 * - a request with other parts records, once, that its opt-out is honored (on the status page); the
 *   rest goes on as usual, and staff complete it.
 * A request without any opt-out task is left alone, as is a withdrawn one.
 */
export async function completeHonoredOptOut(tx: Tx, requestId: string) {
  const { types: requestTypes } = await tx.privacyRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { types: true },
  });
  if (optOutTaskTypes(requestTypes).length === 0) return;
  // The request's row lock serialises the last two tasks finishing at once: one of them completes it.
  // NO KEY UPDATE, not UPDATE: each finishing transaction already holds the row's KEY SHARE lock (its
  // audit event's foreign key), and two of them each waiting on the other's for UPDATE is a deadlock.
  await tx.$queryRaw`SELECT id FROM privacy_request WHERE id = ${requestId}::uuid FOR NO KEY UPDATE`;
  const request = await tx.privacyRequest.findUniqueOrThrow({ where: { id: requestId } });
  const types = optOutTaskTypes(request.types);
  const tasks = await tx.fulfilmentTask.findMany({
    where: { requestId, type: { in: types } },
    select: { status: true },
  });
  if (tasks.length === 0 || tasks.some((t) => !FINISHED.includes(t.status))) return;

  if (!isOptOutOnly(request.types)) {
    if (request.status === 'withdrawn') return;
    const told = await tx.auditEvent.count({ where: { requestId, action: 'opt-out.honored' } });
    if (told > 0) return;
    await recordAuditEvent(tx, {
      requestId,
      action: 'opt-out.honored',
      actor: { type: 'system' },
      summary: `${OPT_OUT_HONORED_SUMMARY}: ${optOutWords(request.types)}; the rest of the request goes on`,
      data: { types },
    });
    return;
  }

  // The status machine's `complete` (in_progress -> completed), checked here in the fulfilment layer.
  if (request.status !== 'in_progress') return;
  const allTasks = await tx.fulfilmentTask.count({ where: { requestId, status: { notIn: FINISHED } } });
  if (allTasks > 0) return;
  const systems = await fulfilmentSummary(tx, requestId, requestTimeZone(request));
  const now = new Date();
  const message = `We have honored your ${actedAtReceiptNoun(request.types)} (${optOutWords(request.types)}) in every system that holds your data.`;
  await tx.privacyRequest.update({
    where: { id: requestId },
    data: { status: 'completed', responseMessage: message, decidedAt: now, closedAt: now, partial: false },
  });
  await cancelDeadlineJobs(tx, requestId);
  await recordAuditEvent(tx, {
    requestId,
    action: 'request.completed',
    actor: { type: 'system' },
    summary: `${OPT_OUT_HONORED_SUMMARY}: every system has acted on it`,
    data: { systems, optOut: true },
  });
  await enqueueEmail(tx, {
    template: 'request-decided',
    to: request.email,
    requestId,
    props: {
      brand: brand(),
      reference: formatReference(request.number, request.receivedAt),
      outcome: 'completed',
      reasonLabel: null,
      message,
      notices: [],
      statusUrl: publicLinks.statusOf(request),
      systems,
    },
  });
}

function optOutWords(types: readonly RequestType[]) {
  return optOutTypes(types)
    .map((t) => REQUEST_TYPE_LABELS[t].toLowerCase())
    .join(', ');
}
