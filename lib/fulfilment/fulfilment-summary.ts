import type { Tx } from '../db';
import { formatPublicDate } from '../deadlines/zoned-day';
import { type Phrase, phrase } from '../universal/i18n/phrase';
import { readOutcome, describeOutcome, outcomePhrases } from './outcome';
import { withRecipientTasks } from './create-tasks';
import { TASK_DONE_WORDS, type TaskType } from './task-types';

export type SystemSummary = {
  system: string;
  action: string;
  when: string | null;
  detail: string | null;
  kept: string | null;
  /** The same, as the requester reads it in their language (the decision email): one phrase per sentence. */
  line: Phrase[];
};

/**
 * Per system, what was done and when, for the completion email and the audit record. A person's
 * free-text result is included: staff are asked to write it for the requester (what was done,
 * what was kept and why). An admin's closing reason is internal and is not.
 */
export async function fulfilmentSummary(
  tx: Tx,
  requestId: string,
  timeZone: string,
  /** Only these kinds of work (the types completed now, when a request is completed part by part). */
  taskTypes?: readonly TaskType[],
): Promise<SystemSummary[]> {
  const tasks = await tx.fulfilmentTask.findMany({
    where: { requestId, ...(taskTypes ? { type: { in: withRecipientTasks(taskTypes) } } : {}) },
    include: { system: { select: { name: true } }, recipient: { select: { name: true } } },
    orderBy: [{ type: 'asc' }, { system: { name: 'asc' } }, { recipient: { name: 'asc' } }],
  });
  return tasks.map((t) => {
    const outcome = readOutcome(t.outcome);
    const when = t.completedAt ? formatPublicDate(t.completedAt, timeZone) : null;
    // A recipient's task names the recipient; "system" is what the completion email calls each line.
    const name = t.system?.name ?? t.recipient?.name ?? '';
    const action = phrase(
      t.status !== 'closed'
        ? `decision.action.${t.type}`
        : t.type === 'notify_recipient'
          ? 'decision.action.notToldClosed'
          : 'decision.action.noneNeeded',
    );
    const head = t.completedAt
      ? phrase('decision.system.lineOn', {
          system: name,
          action,
          date: { instant: t.completedAt.toISOString(), timeZone },
        })
      : phrase('decision.system.line', { system: name, action });
    if (t.status === 'closed')
      return {
        system: name,
        action: t.type === 'notify_recipient' ? 'not told (see your status page for why)' : 'no action was needed',
        when,
        detail: null,
        kept: null,
        line: [head],
      };
    // A person's own result goes as written; a connector's counts are worded in the reader's language.
    const detail = t.automated
      ? outcomePhrases(outcome)
      : t.result
        ? [phrase('decision.asWritten', { text: t.result })]
        : [];
    return {
      system: name,
      action: TASK_DONE_WORDS[t.type],
      when,
      detail: t.automated ? describeOutcome(outcome) : t.result,
      kept: outcome.kept ?? null,
      line: [head, ...detail, ...(outcome.kept ? [phrase('decision.kept', { kept: outcome.kept })] : [])],
    };
  });
}
