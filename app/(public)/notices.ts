/**
 * What a form on a token page says after its post, keyed by the `notice` query parameter. Only
 * these fixed texts can appear: a crafted link cannot make our page say something else.
 */
export const NOTICES = {
  sent: { tone: 'success', message: 'We sent a new link. Check your inbox, and your spam folder.' },
  'rate-limited': {
    tone: 'error',
    message: 'We sent a link very recently. Please check your inbox and spam folder, or try again in a few minutes.',
  },
  'resend-closed': {
    tone: 'error',
    message: 'This request is closed or already confirmed. Use the status link in your email, or make a new request.',
  },
  'not-found': {
    tone: 'error',
    message: 'We could not find that request. Use the link from your most recent email or make a new request.',
  },
  'confirm-withdraw': { tone: 'error', message: 'Tick the box to confirm that you want to withdraw this request.' },
  'withdraw-closed': { tone: 'error', message: 'This request is already closed, so it cannot be withdrawn.' },
  'answer-empty': { tone: 'error', message: 'Write your answer before sending it.' },
  'answer-too-long': { tone: 'error', message: 'Your answer must be at most 5,000 characters.' },
  'not-awaiting': { tone: 'error', message: 'We are not waiting for an answer on this request.' },
  'download-link-sent': {
    tone: 'success',
    message: 'We have emailed you a one-time download link. It works once, for the next hour.',
  },
  'package-unavailable': {
    tone: 'error',
    message: 'The copy of your data is not available to download right now. Reload this page to see its state.',
  },
  'too-many-attempts': {
    tone: 'error',
    message:
      'Too many links that do not work have been used from your network. Please use the newest link from your email, or try again later.',
  },
  'appeal-too-short': {
    tone: 'error',
    message: 'Tell us why you disagree with our decision (at least 10 characters).',
  },
  'appeal-too-long': { tone: 'error', message: 'Your appeal must be at most 5,000 characters.' },
  'appeal-closed': {
    tone: 'error',
    message: 'This decision cannot be appealed any more: it was already appealed, or the time to appeal has passed.',
  },
  'account-link-sent': {
    tone: 'success',
    message:
      'We emailed a link to your other account email. Open it from that mailbox and confirm: until then we do not look for data under that address.',
  },
  'account-link-closed': {
    tone: 'error',
    message:
      'There is no account email left to confirm on this request: it is already confirmed, or the request is closed.',
  },
  'evidence-sent': {
    tone: 'success',
    message: 'We have your document. Our team will review it and this page will show the outcome.',
  },
  'evidence-empty': { tone: 'error', message: 'Choose the file to send.' },
  'evidence-too-large': { tone: 'error', message: 'The file is too large. Send a smaller scan or photo.' },
  'evidence-wrong-type': {
    tone: 'error',
    message: 'We could not read that file as a PDF, JPEG or PNG. Send one of those.',
  },
  'evidence-not-now': {
    tone: 'error',
    message:
      'We cannot take a document now: this request needs no more proof, or we already have documents from you to review.',
  },
  unexpected: { tone: 'error', message: 'Something went wrong on our side. Please try again in a few minutes.' },
} as const satisfies Record<string, { tone: 'success' | 'error'; message: string }>;

export type NoticeKey = keyof typeof NOTICES;

export function readNotice(value: string | undefined): ((typeof NOTICES)[NoticeKey] & { key: NoticeKey }) | undefined {
  if (!value || !Object.hasOwn(NOTICES, value)) return undefined;
  return { key: value as NoticeKey, ...NOTICES[value as NoticeKey] };
}
