import { type Actor, recordAuditEvent } from '../audit/record-audit-event';
import type { Tx } from '../db';
import { addJob } from '../queue/add-job';

const WORKING = ['in_progress', 'awaiting_requester'] as const;

/**
 * The account email the requester named is theirs: from now on tasks act for it too. Tasks a
 * connector already finished ran without it: they are queued again, so the data held under the
 * account is collected or erased as well. In the caller's transaction, audited on the timeline.
 * `proof`: how it was proven (a link sent to it, or a sign-in to the account that uses it).
 */
export async function markAccountEmailProven(
  tx: Tx,
  options: {
    request: { id: string; status: string };
    proof: 'email_link' | 'account_sign_in';
    actor: Actor;
    now: Date;
  },
) {
  const { request, now } = options;
  await tx.privacyRequest.update({ where: { id: request.id }, data: { accountEmailVerifiedAt: now } });
  const rerun = WORKING.includes(request.status as (typeof WORKING)[number])
    ? await tx.fulfilmentTask.updateManyAndReturn({
        where: { requestId: request.id, automated: true, status: { in: ['done', 'failed'] } },
        data: { status: 'open', lastError: null, completedAt: null },
        select: { id: true, type: true },
      })
    : [];
  // Collections first: where the request also erases, the account's data is copied before it goes.
  rerun.sort((a, b) => Number(b.type === 'collect') - Number(a.type === 'collect'));
  for (const task of rerun)
    await addJob(tx, 'run-fulfilment-task', { taskId: task.id }, { jobKey: `fulfilment-task:${task.id}` });
  await recordAuditEvent(tx, {
    requestId: request.id,
    action: 'account_email.proven',
    actor: options.actor,
    summary: 'Your other account email is confirmed; we look for your data under it too',
    data: { tasksRunAgain: rerun.length, proof: options.proof },
  });
}
