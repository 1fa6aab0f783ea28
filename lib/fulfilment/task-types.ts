/**
 * Which work each kind of request asks of a system. Client components use the labels: keep this
 * file free of server code.
 */
import type { RequestType } from '../universal/codes';

export const TASK_TYPES = [
  'collect',
  'erase',
  'correct',
  'restrict',
  'suppress',
  'stop_processing',
  'stop_sale',
  'limit_use',
  'notify_recipient',
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

/** The task types a system of the inventory takes part in; notify_recipient belongs to recipients. */
export const SYSTEM_TASK_TYPES = [
  'collect',
  'erase',
  'correct',
  'restrict',
  'suppress',
  'stop_processing',
  'stop_sale',
  'limit_use',
] as const;
export type SystemTaskType = (typeof SYSTEM_TASK_TYPES)[number];

export const TASK_FOR_REQUEST: Record<RequestType, SystemTaskType> = {
  access: 'collect',
  export: 'collect',
  deletion: 'erase',
  correction: 'correct',
  restriction: 'restrict',
  // Each right its own work (docs/rights-law.md "One request type per right"): unsubscribing takes the
  // address off the mailing lists; an Art. 21 objection stops the processing objected to; an opt-out
  // of sale/sharing marks the person as never to be sold or shared; a limit confines sensitive data
  // to the purposes of CCPA regs §7027(m).
  unsubscribe: 'suppress',
  objection: 'stop_processing',
  opt_out_sale: 'stop_sale',
  limit_sensitive: 'limit_use',
};

export const TASK_TYPE_LABELS: Record<TaskType, string> = {
  collect: 'Collect the data',
  erase: 'Erase the data',
  correct: 'Correct the data',
  restrict: 'Restrict processing',
  suppress: 'Stop marketing communications',
  stop_processing: 'Stop the processing objected to',
  stop_sale: 'Stop selling or sharing',
  limit_use: 'Limit the use of sensitive data',
  notify_recipient: 'Tell the recipient',
};

/** Past tense, for the per-system record and the completion email. */
export const TASK_DONE_WORDS: Record<TaskType, string> = {
  collect: 'collected',
  erase: 'erased',
  correct: 'corrected',
  restrict: 'restricted',
  suppress: 'suppressed from marketing communications',
  stop_processing: 'stopped the processing objected to',
  stop_sale: 'marked as never to be sold or shared',
  limit_use: 'limited to the uses the law allows for sensitive data',
  notify_recipient: 'told of the change',
};

export const TASK_STATUS_LABELS = {
  open: 'Open',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  closed: 'Closed by an admin',
} as const;

/** The distinct task types a request's types call for, in a stable order. */
export function taskTypesFor(types: readonly RequestType[]): SystemTaskType[] {
  const wanted = new Set<TaskType>(types.map((t) => TASK_FOR_REQUEST[t]));
  return SYSTEM_TASK_TYPES.filter((t) => wanted.has(t));
}
