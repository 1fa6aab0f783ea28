import type { RequestStatus } from '@/lib/universal/codes';

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

/** What the status badge says: a denial says why when the reason is that we could not verify. */
export function statusWording(request: { status: RequestStatus; denialReason: string | null }) {
  return request.status === 'denied' && request.denialReason === 'cannot_verify'
    ? COULD_NOT_VERIFY_WORDING
    : STATUS_WORDING[request.status];
}
