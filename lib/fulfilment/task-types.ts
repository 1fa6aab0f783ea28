/**
 * Which work each kind of request asks of a system. Client components use the labels: keep this
 * file free of server code.
 */
import type { RequestType } from '../universal/codes';

export const TASK_TYPES = ['collect', 'erase', 'correct', 'restrict', 'suppress'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export const TASK_FOR_REQUEST: Record<RequestType, TaskType> = {
  access: 'collect',
  export: 'collect',
  deletion: 'erase',
  correction: 'correct',
  restriction: 'restrict',
  objection: 'suppress',
};

export const TASK_TYPE_LABELS: Record<TaskType, string> = {
  collect: 'Collect the data',
  erase: 'Erase the data',
  correct: 'Correct the data',
  restrict: 'Restrict processing',
  suppress: 'Stop communications',
};

/** Past tense, for the per-system record and the completion email. */
export const TASK_DONE_WORDS: Record<TaskType, string> = {
  collect: 'collected',
  erase: 'erased',
  correct: 'corrected',
  restrict: 'restricted',
  suppress: 'suppressed from communications',
};

export const TASK_STATUS_LABELS = {
  open: 'Open',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  closed: 'Closed by an admin',
} as const;

/** The distinct task types a request's types call for, in a stable order. */
export function taskTypesFor(types: readonly RequestType[]): TaskType[] {
  const wanted = new Set(types.map((t) => TASK_FOR_REQUEST[t]));
  return TASK_TYPES.filter((t) => wanted.has(t));
}
