import type { RequestStatus, RequestType } from '../universal/codes';
import { optOutTypes } from '../verification/opt-outs';
import { taskTypesFor, type TaskType } from './task-types';

const WORKING: readonly RequestStatus[] = ['in_progress', 'awaiting_requester'];

/** The task types of the request's opt-outs: the tasks created, run and finished from receipt. */
export function optOutTaskTypes(types: readonly RequestType[]): TaskType[] {
  return taskTypesFor(optOutTypes(types));
}

/**
 * Whether a task may run or be worked on while its request is in this status: once work started, or,
 * for the task of an opt-out, from receipt on, whatever becomes of the rest of the request (an opt-out
 * needs no verification: lib/verification/opt-outs.ts), so a request that also asked for more and is
 * never confirmed, or is refused, still has its opt-out honored. Only the requester withdrawing the
 * request stops it; staff who refuse an opt-out close its tasks with a reason.
 */
export function taskMayProceed(type: TaskType, request: { status: RequestStatus; types: readonly RequestType[] }) {
  if (WORKING.includes(request.status)) return true;
  return request.status !== 'withdrawn' && optOutTaskTypes(request.types).includes(type);
}
