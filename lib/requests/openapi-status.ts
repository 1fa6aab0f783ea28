/**
 * The `RequestStatus` schema of the OpenAPI document: exactly what `getRequestStatus` answers
 * (lib/requests/get-request-status.ts), every property required and no other, so the contract test
 * fails when one of them changes without the other.
 */
import { REQUEST_STATUSES, REQUEST_TYPES } from '../universal/codes';
import { VERIFICATION_LEVELS } from '../verification/levels';
import { DENIAL_REASONS } from './denial-notices';

type Properties = Record<string, Record<string, unknown>>;

/** An object whose every property is required, and which has no others. */
export const exactObject = (properties: Properties, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  ...extra,
  required: Object.keys(properties),
  additionalProperties: false,
  properties,
});

const dateTime = { type: 'string', format: 'date-time' };
const dateTimeOrNull = { type: ['string', 'null'], format: 'date-time' };
const level = { enum: [...VERIFICATION_LEVELS] };
const requestTypes = { type: 'array', items: { enum: [...REQUEST_TYPES] } };

const verification = exactObject(
  {
    reached: level,
    neededForWork: level,
    neededForRelease: level,
    readyForRelease: { type: 'boolean' },
    moreNeeded: { type: 'boolean', description: 'Something more must be proven while it can still be used.' },
    questions: exactObject(
      {
        offered: { type: 'boolean' },
        locked: { type: 'boolean', description: 'Locked after too many failed forms.' },
        answersNeeded: { type: 'integer', minimum: 0 },
        moreAnswers: { type: 'integer', minimum: 0 },
      },
      { description: 'The identity questions (data points): counts only, never an answer.' },
    ),
    declaration: exactObject({ offered: { type: 'boolean' } }, { description: 'The signed declaration.' }),
    askedFor: {
      ...exactObject({ level, reason: { type: 'string' } }),
      type: ['object', 'null'],
      description: 'Staff asked for stronger proof (GDPR Art. 12(6)): the level and why, until it is reached.',
    },
  },
  {
    description:
      'How far the requester has proven who they are, and what the request needs before work starts and before its data is released, from the verification rules (lib/verification/level-rules.ts): none < email < reasonable < high. Below `neededForWork` staff cannot start; below `neededForRelease` the data package is held back. The status page offers the ways to prove more.',
  },
);

const appeal = exactObject(
  {
    canAppeal: { type: 'boolean' },
    closesAt: dateTimeOrNull,
    made: {
      ...exactObject({
        status: { enum: ['pending', 'granted', 'rejected'] },
        receivedAt: dateTime,
        dueAt: dateTime,
        decidedAt: dateTimeOrNull,
      }),
      type: ['object', 'null'],
    },
  },
  {
    description:
      'Where the regime has an appeal step (the US states whose law has one, e.g. US-VA, US-CO, US-CT, US-TX): whether the denial can still be appealed (on the status page), and the appeal made.',
  },
);

export const requestStatusSchema = exactObject({
  id: { type: 'string', format: 'uuid' },
  reference: { type: 'string', pattern: '^BR-\\d{4}-\\d{6}$', examples: ['BR-2026-000123'] },
  locale: {
    type: 'string',
    description:
      'The language it was filed in (`locale` of the request, default `en`): its emails and status page use it.',
  },
  types: requestTypes,
  jurisdiction: { type: 'string' },
  status: {
    enum: [...REQUEST_STATUSES],
    description:
      'A request whose email address is not confirmed before its newest verification link runs out is `denied` with `denialReason` `cannot_verify`. `expired` is what that closure was called before; requests closed that way keep it.',
  },
  receivedAt: dateTime,
  dueAt: dateTime,
  timeZone: { type: 'string', examples: ['America/Los_Angeles'] },
  deadlineExplanation: {
    type: 'array',
    items: { type: 'string' },
    description: 'How the due date was computed, step by step.',
  },
  closedAt: dateTimeOrNull,
  denialReason: {
    enum: [...Object.keys(DENIAL_REASONS), null],
    description: 'Why a denied request, or a request completed in part, was refused; null otherwise.',
  },
  decisionNotices: {
    type: ['array', 'null'],
    items: { type: 'string' },
    description:
      "A refusal's notices, as the decision email gave them: the legal basis of an exemption, what was done in part, the appeal or the authority to complain to, per the requester's regime and the reason; null when nothing was refused.",
  },
  canWithdraw: { type: 'boolean' },
  optOut: {
    ...exactObject({ types: requestTypes, only: { type: 'boolean' }, honoredAt: dateTimeOrNull }),
    type: ['object', 'null'],
    description:
      "The request's opt-outs, acted on from receipt without verification; null when it has none. `only`: nothing else was asked (the request completes by itself once honored).",
  },
  question: { type: ['string', 'null'], description: 'While status is awaiting_requester: what we asked.' },
  timeline: {
    type: 'array',
    items: exactObject({
      at: dateTime,
      summary: { type: 'string', description: 'What happened, in English (the audit summary).' },
      action: {
        type: 'string',
        description: 'The event (`request.verified`, …), which the status page words in the request’s language.',
      },
    }),
  },
  accountEmail: {
    ...exactObject({ masked: { type: 'string', examples: ['j•••@e•••.com'] }, provenAt: dateTimeOrNull }),
    type: ['object', 'null'],
    description:
      'The other account email named on the request, masked. Until `provenAt` is set it is a claim: no system is searched, copied, changed or erased under it. The requester proves it from the status page, by a link sent to that address.',
  },
  verification,
  appeal,
});
