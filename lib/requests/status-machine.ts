/**
 * The request's life, as a table: each named action, the statuses it may start from, and where it
 * leads (null: the status does not change). Domain functions call `assertTransition` before acting;
 * the test walks every status x every action.
 *
 * unverified -> verified -> in_progress -> (awaiting_requester <-> in_progress) -> completed | denied
 * and, from any open status, withdrawn; from unverified, denied when its email is not confirmed in
 * time (could not verify), or when the person an agent filed for says they did not ask anyone to
 * (refuseAgent, CCPA regs §7063(a)). `expired` is what the first closure was called before: rows
 * that have it keep it, nothing leads to it any more.
 */
import { AppError } from '../errors';
import type { RequestStatus } from '../universal/codes';

const OPEN_VERIFIED = ['verified', 'in_progress', 'awaiting_requester'] as const satisfies readonly RequestStatus[];

export const TRANSITIONS = {
  verify: { from: ['unverified'], to: 'verified' },
  expire: { from: ['unverified'], to: 'denied' },
  refuseAgent: { from: ['unverified'], to: 'denied' },
  withdraw: { from: ['unverified', ...OPEN_VERIFIED], to: 'withdrawn' },
  start: { from: ['verified'], to: 'in_progress' },
  assign: { from: OPEN_VERIFIED, to: null },
  unassign: { from: OPEN_VERIFIED, to: null },
  addNote: { from: ['unverified', ...OPEN_VERIFIED, 'completed', 'denied', 'withdrawn', 'expired'], to: null },
  askRequester: { from: ['verified', 'in_progress'], to: 'awaiting_requester' },
  requesterReplies: { from: ['awaiting_requester'], to: 'in_progress' },
  /** Staff doubt the requester's identity and ask for a stronger proof (GDPR Art. 12(6)). */
  askForProof: { from: ['verified', 'in_progress'], to: 'awaiting_requester' },
  /** The level staff asked for is reached (lib/verification/on-level-raised.ts): back to work, */
  proofReached: { from: ['awaiting_requester'], to: 'in_progress' },
  /** or back to "verified" when staff asked before work started, so that Start still creates the tasks. */
  proofReachedBeforeStart: { from: ['awaiting_requester'], to: 'verified' },
  resume: { from: ['awaiting_requester'], to: 'in_progress' },
  extend: { from: OPEN_VERIFIED, to: null },
  deny: { from: OPEN_VERIFIED, to: 'denied' },
  complete: { from: ['in_progress'], to: 'completed' },
  reopen: { from: ['completed', 'denied'], to: 'in_progress' },
} as const satisfies Record<string, { from: readonly RequestStatus[]; to: RequestStatus | null }>;

export type RequestAction = keyof typeof TRANSITIONS;

const STATUS_WORDS: Record<RequestStatus, string> = {
  unverified: 'waiting for the requester to confirm their email',
  verified: 'verified and not yet started',
  in_progress: 'in progress',
  awaiting_requester: 'waiting for the requester',
  completed: 'completed',
  denied: 'denied',
  withdrawn: 'withdrawn',
  expired: 'expired',
};

const ACTION_WORDS: Record<RequestAction, string> = {
  verify: 'be verified',
  expire: 'be closed as unverified',
  refuseAgent: 'be refused by the person it is about',
  withdraw: 'be withdrawn',
  start: 'be started',
  assign: 'be assigned',
  unassign: 'be unassigned',
  addNote: 'take a note',
  askRequester: 'ask the requester for information',
  requesterReplies: 'take a reply from the requester',
  askForProof: 'ask the requester for stronger proof of identity',
  proofReached: 'go on after the requester proved their identity',
  proofReachedBeforeStart: 'go back to verified after the requester proved their identity',
  resume: 'resume',
  extend: 'have its deadline extended',
  deny: 'be denied',
  complete: 'be completed',
  reopen: 'be reopened',
};

export function canTransition(status: RequestStatus, action: RequestAction): boolean {
  return (TRANSITIONS[action].from as readonly RequestStatus[]).includes(status);
}

/** The status after `action`, or a CONFLICT that says why not in words staff understand. */
export function assertTransition(status: RequestStatus, action: RequestAction): RequestStatus {
  if (!canTransition(status, action)) {
    throw new AppError('CONFLICT', `A request that is ${STATUS_WORDS[status]} cannot ${ACTION_WORDS[action]}.`);
  }
  return TRANSITIONS[action].to ?? status;
}

/** The actions open to a request in this status, e.g. to decide which buttons to show. */
export function availableActions(status: RequestStatus): RequestAction[] {
  return (Object.keys(TRANSITIONS) as RequestAction[]).filter((a) => canTransition(status, a));
}
