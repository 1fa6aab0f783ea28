import type { Translator } from '@/lib/universal/i18n/translator';

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
  'complaint-too-short': {
    tone: 'error',
    message: 'Tell us what your complaint is about (at least 10 characters).',
  },
  'complaint-too-long': { tone: 'error', message: 'Your complaint must be at most 5,000 characters.' },
  'complaint-limit': {
    tone: 'error',
    message: 'We are still looking into your earlier complaints about this request; we will answer them first.',
  },
  'complaint-rate-limited': {
    tone: 'error',
    message: 'Too many complaints have been sent from your network in the last hour. Please try again later.',
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
  'identity-reached': {
    tone: 'success',
    message: 'Thank you: your answers match our records, and this request now has the proof of identity it needs.',
  },
  'identity-answers-enough': {
    tone: 'success',
    message: 'Thank you: enough of your answers match our records. To finish, sign the declaration below.',
  },
  'identity-more-needed': {
    tone: 'error',
    message:
      'Not enough of your answers matched our records. We do not say which ones; below is how many matching answers we still need.',
  },
  'identity-locked': {
    tone: 'error',
    message:
      'Too many answers did not match our records, so we no longer ask questions for this request. Our team will contact you.',
  },
  'identity-unreadable': {
    tone: 'error',
    message:
      'Answer at least one question. Give the month as a month and a year (for example March 2025), and the card as four digits.',
  },
  'identity-rate-limited': {
    tone: 'error',
    message: 'Answers have been sent too many times in the last hour. Please try again later.',
  },
  'identity-unavailable': {
    tone: 'error',
    message: 'We cannot check answers right now. Please try again in a few minutes; this attempt did not count.',
  },
  'identity-not-needed': {
    tone: 'error',
    message: 'This request needs no more answers, or it is closed.',
  },
  'declaration-signed': { tone: 'success', message: 'Thank you: we have your signed declaration.' },
  'declaration-tick': { tone: 'error', message: 'Tick the box to make the declaration.' },
  'declaration-name': {
    tone: 'error',
    message:
      'Type your full name as you gave it with this request. If you gave none, contact us at the address below to verify another way.',
  },
  'declaration-not-needed': {
    tone: 'error',
    message: 'This request does not need a signed declaration, or it is closed.',
  },
  'signed-in': {
    tone: 'success',
    message: 'You signed in with your account: we are now sure this request is yours.',
  },
  'sign-in-refused': {
    tone: 'error',
    message:
      'That sign-in did not prove this request is yours, and nothing on it has changed. We can only count a sign-in to an account whose confirmed email address is the one of this request, or the account email you gave us.',
  },
  'sign-in-expired': {
    tone: 'error',
    message:
      'That sign-in took too long or was already used, and nothing on your request has changed. Please start again.',
  },
  'sign-in-unavailable': {
    tone: 'error',
    message:
      'Signing in with your account is not available right now. Please try again later, or prove who you are another way.',
  },
  'sign-in-not-needed': {
    tone: 'error',
    message: 'This request needs no more proof of who you are, or it is closed.',
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

/**
 * A notice in the page's language (`notice.<key>` in the catalogs; the English above is the same
 * text, kept for the tests and tools that read this table).
 */
export const noticeMessage = (t: Translator, key: NoticeKey) => t(`notice.${key}`);

/** The message of an error notice, if the notice is one. */
export const noticeError = (t: Translator, key: NoticeKey | undefined) =>
  key && NOTICES[key].tone === 'error' ? noticeMessage(t, key) : undefined;

export function readNotice(value: string | undefined): ((typeof NOTICES)[NoticeKey] & { key: NoticeKey }) | undefined {
  if (!value || !Object.hasOwn(NOTICES, value)) return undefined;
  return { key: value as NoticeKey, ...NOTICES[value as NoticeKey] };
}
