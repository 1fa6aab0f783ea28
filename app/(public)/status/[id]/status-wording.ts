import { actedAtReceiptHonored, actedAtReceiptNoun } from '@/lib/universal/opt-out-wording';
import type { RequestStatus, RequestType } from '@/lib/universal/codes';

/** Each status in the requester's words: what it means for them, not what it means in our workflow. */
export const STATUS_WORDING: Record<RequestStatus, { title: string; explanation: string }> = {
  unverified: {
    title: 'Waiting for you to confirm your email',
    explanation: 'Open the email we sent and press the link to confirm the request. We start once you confirm.',
  },
  verified: {
    title: 'Received — with our privacy team',
    explanation: 'We have your confirmed request and it is waiting for our privacy team.',
  },
  in_progress: {
    title: 'Being worked on',
    explanation: 'Our privacy team is working on your request.',
  },
  awaiting_requester: {
    title: 'Waiting for information from you',
    explanation:
      'We have emailed you a question. Please answer it so that we can continue; the answer date may move while we wait.',
  },
  completed: {
    title: 'Completed',
    explanation: 'We have answered your request. Our email explains what we did.',
  },
  denied: {
    title: 'Closed — we could not do what you asked',
    explanation: 'Our email explains why, and what you can do if you disagree.',
  },
  withdrawn: {
    title: 'Withdrawn',
    explanation: 'You withdrew this request, so we have stopped working on it.',
  },
  // Requests closed unconfirmed before such closures became denials (could not verify) keep this status.
  expired: {
    title: 'Closed — the email address was not confirmed in time',
    explanation: 'If you still want us to act, please make a new request.',
  },
};

/** A denial because we could not verify: after a request was not confirmed in time, or after staff tried. */
export const COULD_NOT_VERIFY_WORDING = {
  title: 'Closed — we could not verify this request',
  explanation:
    'Our email explains why, and what you can do if you disagree. If you still want us to act, you can also make a new request.',
};

/**
 * A request acted on at receipt only (opt-outs, unsubscribing, an objection: lib/verification/opt-outs.ts),
 * which needs no confirmation: while its systems act on it, and once every one has, in the words of
 * its own type (lib/requests/opt-out-wording.ts). Other statuses (withdrawn…) keep their usual words.
 */
export function optOutWording(
  status: RequestStatus,
  types: readonly RequestType[],
): { title: string; explanation: string } | undefined {
  const noun = actedAtReceiptNoun(types);
  if (status === 'in_progress')
    return {
      title: `${capitalise(noun)} received — being applied`,
      explanation: `It needs no confirmation: we are acting on it now, in every system that holds your data.`,
    };
  if (status === 'completed')
    return {
      title: actedAtReceiptHonored(types),
      explanation: `Every system that holds your data has acted on your ${noun}. Our email says what each one did.`,
    };
  return undefined;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The words for the request's status: a denial says why when we could not verify; an opt-out has its own.
 */
export function statusWording(request: {
  status: RequestStatus;
  denialReason: string | null;
  optOut: { only: boolean; types: readonly RequestType[] } | null;
}) {
  if (request.status === 'denied' && request.denialReason === 'cannot_verify') return COULD_NOT_VERIFY_WORDING;
  return (
    (request.optOut?.only && optOutWording(request.status, request.optOut.types)) || STATUS_WORDING[request.status]
  );
}
