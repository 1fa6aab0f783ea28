/**
 * What admins may reword, per template: the catalog messages each requester email is written with
 * (emails/<name>.tsx; a test holds this table to the keys each file uses), and the standard staff
 * messages the workspace starts its forms with. Each edit is kept per language (lib/templates/).
 *
 * Locked messages carry what the law requires a notice to say: they are shown, never editable, and
 * always sent. The regime's refusal notices (lib/requests/denial-notices.ts) are added to decisions
 * outside any message, so no edit can remove them either.
 */
import type { MessageKey } from '../universal/i18n/translator';

export type EditableTemplate = {
  name: string;
  label: string;
  /** Who reads it and when. */
  description: string;
  /** The catalog messages it is written with, in the order they appear. */
  keys: readonly MessageKey[];
  /** Its decisions also carry the regime's notices (complaint, court, appeal), locked. */
  regimeNotices?: boolean;
};

/** A message no edit may change, and the rule that requires its words. */
export type LockedMessage = { key: MessageKey; source: string };

export const LOCKED_MESSAGES: readonly LockedMessage[] = [
  { key: 'email.decided.record', source: '11 CCR §7101(a) (records of requests and responses kept 24 months)' },
  {
    key: 'email.notVerified.seeDecision',
    source: '11 CCR §7101(a) (records of requests and responses kept 24 months)',
  },
  {
    key: 'email.appealDecided.record',
    source: 'Va. Code §59.1-577(C); C.R.S. 6-1-1306(3) (the appeal decided in writing)',
  },
  { key: 'email.extended.disagree', source: 'GDPR/UK GDPR Art. 12(3) (the extension and its reasons told)' },
  {
    key: 'email.extended.disagreeAuthority',
    source: 'GDPR/UK GDPR Art. 12(3)-(4), 77 (the extension told, with the right to complain)',
  },
  {
    key: 'email.appealExtended.questions',
    source: 'Va. Code §59.1-577(C); C.R.S. 6-1-1306(3)(b) (extension explained)',
  },
  {
    key: 'email.appealExtended.concernsAuthority',
    source: 'Va. Code §59.1-577(C); C.R.S. 6-1-1306(3)(c) (the Attorney General named)',
  },
];

const lockedKeys = new Set<string>(LOCKED_MESSAGES.map((m) => m.key));
export const isLockedMessage = (key: string) => lockedKeys.has(key);
export const lockedSourceOf = (key: string) => LOCKED_MESSAGES.find((m) => m.key === key)?.source;

/** The standard staff messages: sent as the requester's message when staff keep them, so per language too. */
export const STANDARD_MESSAGES_TEMPLATE = 'standard-messages';

export const EDITABLE_TEMPLATES: readonly EditableTemplate[] = [
  {
    name: 'verify-request',
    label: 'Confirm your request',
    description: 'Sent when a request is filed: the link that confirms the email address.',
    keys: [
      'email.verify.subject',
      'email.verify.intro',
      'email.verify.introAgent',
      'email.verify.expires',
      'email.verify.button',
      'email.buttonFallback',
      'email.verify.subjectPerson',
      'email.verify.previewPerson',
      'email.verify.person',
      'email.verify.confirmOrRefuse',
      'email.verify.expiresPerson',
    ],
  },
  {
    name: 'verification-reminder',
    label: 'Reminder to confirm',
    description: 'Sent once when a request is still unconfirmed.',
    keys: [
      'email.reminder.subject',
      'email.reminder.preview',
      'email.reminder.intro',
      'email.reminder.expires',
      'email.verify.button',
      'email.buttonFallback',
      'email.reminder.notYou',
    ],
  },
  {
    name: 'request-received',
    label: 'Request received',
    description: 'Sent when the requester confirms: the reference and the status link.',
    keys: [
      'email.received.subject',
      'email.received.preview',
      'email.received.body',
      'email.received.follow',
      'email.received.button',
    ],
  },
  {
    name: 'opt-out-received',
    label: 'Opt-out received',
    description: 'Sent when an opt-out is recorded.',
    keys: [
      'email.optOut.subject',
      'email.optOut.preview',
      'email.optOut.body',
      'email.optOut.inShort.optOutSale.sells',
      'email.optOut.inShort.optOutSale.none',
      'email.optOut.inShort.limitSensitive',
      'email.optOut.inShort.objection',
      'email.optOut.inShort.unsubscribe',
      'email.optOut.follow',
      'email.received.button',
      'email.optOut.notYou',
    ],
  },
  {
    name: 'request-acknowledged',
    label: 'Acknowledgement (CCPA 10 days)',
    description: 'Sent when a regime requires an acknowledgement before the answer.',
    keys: [
      'email.acknowledged.subject',
      'email.received.preview',
      'email.acknowledged.received',
      'email.acknowledged.howWeVerify',
      'email.acknowledged.answerBy',
    ],
  },
  {
    name: 'request-withdrawn',
    label: 'Request withdrawn',
    description: 'Sent when the requester withdraws.',
    keys: ['email.withdrawn.subject', 'email.withdrawn.preview', 'email.withdrawn.body', 'email.withdrawn.notYou'],
  },
  {
    name: 'request-not-verified',
    label: 'Request closed unconfirmed',
    description: 'Sent when a request is closed because the identity could not be confirmed.',
    regimeNotices: true,
    keys: [
      'email.notVerified.subject',
      'email.notVerified.preview',
      'email.notVerified.heading',
      'email.decided.reason',
      'email.notVerified.again',
      'email.notVerified.newRequest',
      'email.notVerified.seeDecision',
      'email.seeMyRequest',
    ],
  },
  {
    name: 'requester-message',
    label: 'Staff ask the requester',
    description: 'Sent with the question staff write (its standard words are under Standard staff messages).',
    keys: [
      'email.requesterMessage.subject',
      'email.requesterMessage.preview',
      'email.requesterMessage.intro',
      'email.requesterMessage.answerPaused',
      'email.requesterMessage.answerRunning',
      'email.requesterMessage.button',
    ],
  },
  {
    name: 'stronger-proof-requested',
    label: 'Stronger proof asked',
    description: 'Sent when staff ask for a stronger proof of identity.',
    keys: [
      'email.strongerProof.subject',
      'email.strongerProof.preview',
      'email.strongerProof.intro',
      'email.strongerProof.waysPaused',
      'email.strongerProof.waysRunning',
      'email.strongerProof.button',
    ],
  },
  {
    name: 'deadline-extended',
    label: 'Deadline extended',
    description: 'Sent when staff take the regime’s extension.',
    keys: [
      'email.extended.subject',
      'email.extended.preview',
      'email.extended.body',
      'email.extended.why',
      'email.extended.disagree',
      'email.extended.disagreeAuthority',
      'email.received.button',
    ],
  },
  {
    name: 'request-decided',
    label: 'Decision (completed or denied)',
    description: 'Sent when staff complete or deny a request, or part of it.',
    regimeNotices: true,
    keys: [
      'email.decided.subject',
      'email.decided.title',
      'email.decided.heading',
      'email.decided.completedNow',
      'email.decided.stillOpen',
      'email.decided.openBy',
      'email.decided.systems',
      'email.decided.download',
      'email.decided.reason',
      'email.decided.record',
      'email.seeMyRequest',
    ],
  },
  {
    name: 'download-link',
    label: 'Download link',
    description: 'Sent when the requester asks for the one-time link to their data.',
    keys: [
      'email.download.subject',
      'email.download.preview',
      'email.download.body',
      'email.download.button',
      'email.download.until',
    ],
  },
  {
    name: 'appeal-received',
    label: 'Appeal received',
    description: 'Sent when the requester appeals a decision.',
    keys: [
      'email.appealReceived.subject',
      'email.appealReceived.preview',
      'email.appealReceived.body',
      'email.appealReceived.review',
      'email.questions',
      'email.seeMyRequest',
    ],
  },
  {
    name: 'appeal-extended',
    label: 'Appeal extended',
    description: 'Sent when an admin takes the regime’s extension of an appeal.',
    keys: [
      'email.appealExtended.subject',
      'email.appealExtended.preview',
      'email.appealExtended.body',
      'email.extended.why',
      'email.appealExtended.questions',
      'email.appealExtended.concernsAuthority',
      'email.seeMyRequest',
    ],
  },
  {
    name: 'appeal-decided',
    label: 'Appeal decided',
    description: 'Sent with the outcome of an appeal.',
    regimeNotices: true,
    keys: [
      'email.appealDecided.subject',
      'email.appealDecided.title',
      'email.decided.heading',
      'email.appealDecided.workingAgain',
      'email.appealDecided.record',
      'email.seeMyRequest',
    ],
  },
  {
    name: 'complaint-received',
    label: 'Complaint received',
    description: 'Sent when the requester files a complaint.',
    keys: [
      'email.complaintReceived.subject',
      'email.complaintReceived.preview',
      'email.complaintReceived.body',
      'email.complaintReceived.next',
      'email.questions',
      'email.seeMyRequest',
    ],
  },
  {
    name: 'complaint-resolved',
    label: 'Complaint resolved',
    description: 'Sent with the outcome of a complaint.',
    keys: [
      'email.complaintResolved.subject',
      'email.complaintResolved.preview',
      'email.complaintResolved.body',
      'email.seeMyRequest',
    ],
  },
  {
    name: 'prove-account-email',
    label: 'Prove an account email',
    description: 'Sent when the requester names another account address to prove.',
    keys: [
      'email.proveAccount.subject',
      'email.proveAccount.preview',
      'email.proveAccount.intro',
      'email.proveAccount.expires',
      'email.buttonFallback',
    ],
  },
  {
    name: 'agent-status-link',
    label: 'Authorized agent’s status link',
    description: 'Sent to an authorized agent once the person confirms.',
    keys: [
      'email.agentStatus.subject',
      'email.agentStatus.preview',
      'email.agentStatus.body',
      'email.agentStatus.copies',
      'email.agentStatus.noCopies',
      'email.agentStatus.button',
    ],
  },
  {
    name: 'agent-not-authorized',
    label: 'Agent not authorized',
    description: 'Sent to an agent whose authorization was refused.',
    keys: [
      'email.agentRefused.subject',
      'email.agentRefused.preview',
      'email.agentRefused.byPerson',
      'email.agentRefused.byStaff',
      'email.agentRefused.mistake',
    ],
  },
  {
    name: STANDARD_MESSAGES_TEMPLATE,
    label: 'Standard staff messages',
    description:
      'The words the request page starts with when staff ask for information, extend, or deny for each reason; staff may still change them per request.',
    keys: [
      'standard.ask.awaiting_clarification',
      'standard.ask.awaiting_identity',
      'standard.extend',
      'standard.deny.cannot_verify',
      'standard.deny.manifestly_unfounded',
      'standard.deny.exempt',
      'standard.deny.not_covered',
      'standard.deny.duplicate',
      'standard.deny.other',
      'standard.deny.agent_not_authorized',
    ],
  },
];

export function editableTemplate(name: string): EditableTemplate | undefined {
  return EDITABLE_TEMPLATES.find((t) => t.name === name);
}
