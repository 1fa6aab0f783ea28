import type { RequestStatus, RequestType } from '../universal/codes';
import { OPEN_STATUSES } from '../universal/codes';
import { optOutTypes } from '../verification/opt-outs';
import { taskTypesFor, type TaskType } from './task-types';

const WORKING: readonly RequestStatus[] = ['in_progress', 'awaiting_requester'];

/** The task types of the request's opt-outs: the tasks created, run and finished from receipt. */
export function optOutTaskTypes(types: readonly RequestType[]): TaskType[] {
  return taskTypesFor(optOutTypes(types));
}

/**
 * Whether a task may run or be worked on while its request is in this status: once work started, or,
 * for the task of an opt-out, from receipt for as long as the request is open (an opt-out needs no
 * verification: lib/verification/opt-outs.ts).
 */
export function taskMayProceed(type: TaskType, request: { status: RequestStatus; types: readonly RequestType[] }) {
  if (WORKING.includes(request.status)) return true;
  return OPEN_STATUSES.includes(request.status) && optOutTaskTypes(request.types).includes(type);
}
