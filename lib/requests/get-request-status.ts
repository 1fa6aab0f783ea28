import { db } from '../db';
import { type Jurisdiction, OPEN_STATUSES, type RequestStatus, type RequestType } from '../universal/codes';
import { findRequestByStatusToken } from '../verification/find-request-by-status-token';
import { formatReference } from '../universal/reference';
import { requestDeadline, requestRules } from '../clock/request-deadline';
import { appealWindow } from '../appeals/appeal-rules';
import { unprovenAccountEmail } from '../verification/account-email-claim';
import { type DenialReason, denialNotices, noticeRuleContext } from './denial-notices';
import { env } from '../env';
import type { Phrase } from '../universal/i18n/phrase';
import { maskEmail } from './mask';
import { timelinePhrase } from './timeline-phrases';
import { meetsLevel, type VerificationLevel } from '../verification/levels';
import { verificationState } from '../verification/verification-gate';
import { identityProofState } from '../verification/identity-proof-state';
import { optOutTaskTypes } from '../fulfilment/opt-out-tasks';
import { isOptOutOnly, optOutTypes } from '../verification/opt-outs';

export type PublicRequestStatus = {
  id: string;
  reference: string;
  /** The language the request was filed in, which its status page speaks. */
  locale: string;
  types: RequestType[];
  jurisdiction: string;
  status: RequestStatus;
  receivedAt: string;
  dueAt: string;
  timeZone: string;
  /** Why the due date is what it is, step by step (English, as the JSON API gives it). */
  deadlineExplanation: string[];
  /** The same steps for the status page, in the requester's language (lib/deadlines/steps.ts). */
  deadlineSteps: Phrase[];
  closedAt: string | null;
  /** Why a denied request (or a partial completion) was refused in part or whole; null otherwise. */
  denialReason: DenialReason | null;
  /** A refusal's notices as the email gave them (notice-rules.ts): reasons, basis, recourse; null otherwise. */
  decisionNotices: Phrase[] | null;
  canWithdraw: boolean;
  /**
   * The request's opt-outs, acted on from receipt without verification (null when it has none):
   * `only` when nothing else was asked; `honoredAt` once every system has acted on them.
   */
  optOut: { types: RequestType[]; only: boolean; honoredAt: string | null } | null;
  /** While we wait on the requester: what we asked, to answer on the status page. */
  question: string | null;
  /**
   * Each public event: its action, its audit summary (English), and the phrase the page words it with
   * in the requester's language, where the catalog has one (timeline-phrases.ts).
   */
  timeline: { at: string; summary: string; action: string; phrase: Phrase | null }[];
  /**
   * Another address the requester named for their account, masked: proven (and when), or a claim we
   * do not act on until they prove it with a link sent to it. Null when none was named.
   */
  accountEmail: { masked: string; provenAt: string | null } | null;
  /**
   * How far the requester has proven who they are, and what the request needs before work starts
   * and before its data is released (lib/verification/level-rules.ts). Labels, not codes.
   */
  verification: {
    reached: VerificationLevel;
    neededForWork: VerificationLevel;
    neededForRelease: VerificationLevel;
    /** The data package may be released: the level reached meets what release needs. */
    readyForRelease: boolean;
    /** Something more must be proven, for work or for release, while the request can still use it. */
    moreNeeded: boolean;
    /**
     * The identity questions (data points): offered while matching answers can raise the level;
     * locked after too many failed forms. Counts only, never an answer.
     */
    questions: { offered: boolean; locked: boolean; answersNeeded: number; moreAnswers: number };
    /** The signed declaration: offered where a rule needs a reasonably high degree of certainty. */
    declaration: { offered: boolean };
    /** Staff asked for stronger proof (GDPR Art. 12(6)): the level and why, until it is reached. */
    askedFor: { level: VerificationLevel; reason: string } | null;
  };
  /** Where the regime has an appeal step: whether this decision can still be appealed, and any appeal made. */
  appeal: {
    canAppeal: boolean;
    closesAt: string | null;
    made: {
      status: 'pending' | 'granted' | 'rejected';
      receivedAt: string;
      dueAt: string;
      decidedAt: string | null;
    } | null;
  };
};

/** What the holder of a status-page link may see: no personal data beyond what they submitted. */
export async function getRequestStatus(options: {
  requestId: string;
  token: string;
  ip?: string | null;
}): Promise<PublicRequestStatus> {
  const request = await findRequestByStatusToken(options.requestId, options.token, undefined, options.ip);
  const pauses = await db().clockPause.findMany({ where: { requestId: request.id } });
  const lastQuestion =
    request.status === 'awaiting_requester'
      ? await db().requesterMessage.findFirst({
          where: { requestId: request.id, direction: 'to_requester' },
          orderBy: { createdAt: 'desc' },
        })
      : null;
  // Waiting for stronger proof asked after the last question: the proof, not a reply, is what we need.
  const waitingForProof =
    request.verificationRequiredAt !== null &&
    (!lastQuestion || lastQuestion.createdAt < request.verificationRequiredAt);
  const question = lastQuestion && !waitingForProof ? lastQuestion.body : null;
  const deadline = requestDeadline({ ...request, pauses });
  const appeal = await db().requestAppeal.findFirst({
    where: { requestId: request.id },
    orderBy: { receivedAt: 'desc' },
  });
  const window = appealWindow(request);
  const optOut = await optOutState(request);
  const events = await db().auditEvent.findMany({
    where: { requestId: request.id, public: true },
    orderBy: { id: 'asc' },
    select: { createdAt: true, summary: true, action: true, data: true },
  });
  const state = verificationState(request);
  const proof = await identityProofState(db(), request);
  return {
    id: request.id,
    reference: formatReference(request.number, request.receivedAt),
    locale: request.locale,
    types: request.types,
    jurisdiction: request.jurisdiction,
    status: request.status,
    receivedAt: request.receivedAt.toISOString(),
    dueAt: request.dueAt.toISOString(),
    timeZone: deadline.timeZone,
    deadlineExplanation: deadline.explanation,
    deadlineSteps: deadline.steps,
    closedAt: request.closedAt?.toISOString() ?? null,
    denialReason: request.denialReason,
    decisionNotices: request.denialReason
      ? denialNotices({
          jurisdiction: request.jurisdiction as Jurisdiction,
          reason: request.denialReason,
          partial: request.partial,
          types: request.types,
          ...noticeRuleContext(requestRules(request)[0]),
          contactEmail: env().PRIVACY_CONTACT_EMAIL,
          privacyPolicyUrl: env().PRIVACY_POLICY_URL,
          basis: request.denialBasis,
          fulfilled: request.denialFulfilled,
        })
      : null,
    canWithdraw: OPEN_STATUSES.includes(request.status),
    optOut,
    question,
    // The data only gives the phrase its values (dates, types, levels); it never leaves this function.
    timeline: events.map((e) => ({
      at: e.createdAt.toISOString(),
      summary: e.summary ?? '',
      action: e.action,
      phrase: timelinePhrase({ action: e.action, summary: e.summary ?? '', data: e.data }, deadline.timeZone),
    })),
    accountEmail:
      request.accountEmail && (request.accountEmailVerifiedAt || unprovenAccountEmail(request))
        ? { masked: maskEmail(request.accountEmail), provenAt: request.accountEmailVerifiedAt?.toISOString() ?? null }
        : null,
    verification: {
      reached: state.reached,
      neededForWork: state.required.beforeWork,
      neededForRelease: state.required.beforeDisclosure,
      readyForRelease: state.readyForDisclosure,
      moreNeeded:
        (OPEN_STATUSES.includes(request.status) && !state.readyForWork) ||
        ((OPEN_STATUSES.includes(request.status) || request.status === 'completed') && !state.readyForDisclosure),
      questions: {
        offered: proof.questionsOffered,
        locked: proof.locked,
        answersNeeded: proof.answersNeeded,
        moreAnswers: proof.moreAnswers,
      },
      declaration: { offered: proof.declarationOffered },
      askedFor:
        request.verificationRequired &&
        request.verificationRequiredReason &&
        !meetsLevel(request.verificationLevel, request.verificationRequired)
          ? { level: request.verificationRequired, reason: request.verificationRequiredReason }
          : null,
    },
    appeal: {
      canAppeal: window.open && !appeal,
      closesAt: window.closesAt?.toISOString() ?? null,
      made: appeal
        ? {
            status: appeal.status,
            receivedAt: appeal.receivedAt.toISOString(),
            dueAt: appeal.dueAt.toISOString(),
            decidedAt: appeal.decidedAt?.toISOString() ?? null,
          }
        : null,
    },
  };
}

/** Whether the request's opt-outs are honored: every one of their tasks done or closed, when the last was. */
async function optOutState(request: { id: string; types: RequestType[] }): Promise<PublicRequestStatus['optOut']> {
  const types = optOutTypes(request.types);
  if (types.length === 0) return null;
  const tasks = await db().fulfilmentTask.findMany({
    where: { requestId: request.id, type: { in: optOutTaskTypes(types) } },
    select: { status: true, completedAt: true },
  });
  const honored = tasks.length > 0 && tasks.every((t) => t.status === 'done' || t.status === 'closed');
  const last = Math.max(...tasks.map((t) => t.completedAt?.getTime() ?? 0));
  return { types, only: isOptOutOnly(request.types), honoredAt: honored ? new Date(last).toISOString() : null };
}
