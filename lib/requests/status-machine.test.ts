import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES, type RequestStatus } from '../universal/codes';
import { assertTransition, canTransition, TRANSITIONS, type RequestAction } from './status-machine';

/** The expected outcome of every status x action, written out in full: an allowed target, or refused. */
const EXPECTED: Record<RequestStatus, Partial<Record<RequestAction, RequestStatus>>> = {
  unverified: {
    verify: 'verified',
    expire: 'denied',
    refuseAgent: 'denied',
    withdraw: 'withdrawn',
    addNote: 'unverified',
  },
  verified: {
    withdraw: 'withdrawn',
    start: 'in_progress',
    assign: 'verified',
    unassign: 'verified',
    addNote: 'verified',
    askRequester: 'awaiting_requester',
    askForProof: 'awaiting_requester',
    extend: 'verified',
    deny: 'denied',
  },
  in_progress: {
    withdraw: 'withdrawn',
    assign: 'in_progress',
    unassign: 'in_progress',
    addNote: 'in_progress',
    askRequester: 'awaiting_requester',
    askForProof: 'awaiting_requester',
    extend: 'in_progress',
    deny: 'denied',
    complete: 'completed',
  },
  awaiting_requester: {
    withdraw: 'withdrawn',
    assign: 'awaiting_requester',
    unassign: 'awaiting_requester',
    addNote: 'awaiting_requester',
    requesterReplies: 'in_progress',
    proofReached: 'in_progress',
    proofReachedBeforeStart: 'verified',
    resume: 'in_progress',
    extend: 'awaiting_requester',
    deny: 'denied',
  },
  completed: { addNote: 'completed', reopen: 'in_progress' },
  denied: { addNote: 'denied', reopen: 'in_progress' },
  withdrawn: { addNote: 'withdrawn' },
  expired: { addNote: 'expired' },
};

const ACTIONS = Object.keys(TRANSITIONS) as RequestAction[];

describe('the request status machine', () => {
  for (const status of REQUEST_STATUSES) {
    for (const action of ACTIONS) {
      const expected = EXPECTED[status][action];
      it(`${status} x ${action}: ${expected ? `-> ${expected}` : 'refused'}`, () => {
        if (expected) {
          expect(canTransition(status, action)).toBe(true);
          expect(assertTransition(status, action)).toBe(expected);
        } else {
          expect(canTransition(status, action)).toBe(false);
          let error: unknown;
          try {
            assertTransition(status, action);
          } catch (e) {
            error = e;
          }
          expect(error).toMatchObject({ code: 'CONFLICT' });
          expect((error as Error).message).toMatch(/^A request that is .+ cannot .+\.$/);
        }
      });
    }
  }

  it('closed statuses lead nowhere but a note (and reopen for decided ones)', () => {
    for (const status of ['withdrawn', 'expired'] as const) {
      expect(ACTIONS.filter((a) => canTransition(status, a))).toEqual(['addNote']);
    }
  });
});
