/**
 * "Answer questions about your account", from the status page: data-point matching (11 CCR
 * §7062(b)-(c)). The answers are compared, on the server and in constant time, with what the
 * inventory's systems hold for the request's proven identities only, through their connectors'
 * `verify` statements. Nothing the requester typed is stored (§7060): the audit event of each form
 * records how many answers matched, and a success records a `data_points` check with that number.
 * The requester learns only how many more matching answers are needed, never which one was wrong.
 * Limited per client address and per request each hour; after IDENTITY_QUESTIONS_MAX_FAILURES
 * failed forms the questions lock for the request and staff are told.
 */
import { consumeRateLimit } from '../abuse/rate-limit';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import { readExpectedAnswers } from '../fulfilment/read-expected-answers';
import { formatReference } from '../universal/reference';
import { provenIdentities } from '../verification/account-email-claim';
import { findRequestByStatusToken } from '../verification/find-request-by-status-token';
import {
  DATA_POINTS_FAILED,
  DATA_POINTS_LOCKED,
  DATA_POINTS_MATCHED,
  identityProofState,
} from '../verification/identity-proof-state';
import { countMatches, unreadableAnswers } from '../verification/identity-questions';
import { meetsLevel } from '../verification/levels';
import { recordVerificationCheck } from '../verification/record-verification-check';
import type { IdentityAnswers } from '../verification/schemas';
import { notifyRequestStaff } from '../staff/notify-request-staff';

export type IdentityAnswersOutcome =
  /** The request reached the level it needs. */
  | 'reached'
  /** Enough answers matched; the declaration is still to sign. */
  | 'answers-enough'
  /** Not enough answers matched; the page says how many more are needed. */
  | 'more-needed'
  /** Not enough matched, and that was the last failure allowed: the questions are now locked. */
  | 'locked';

export const QUESTIONS_LOCKED_MESSAGE =
  'Too many answers did not match our records, so we no longer ask questions for this request. Our team will contact you.';

const canStillProve = (request: { closedAt: Date | null; status: string }) =>
  !request.closedAt || request.status === 'completed';

async function tellStaff(tx: Tx, request: { id: string; number: number; receivedAt: Date; assigneeId: string | null }) {
  await notifyRequestStaff(tx, request, {
    heading: `Identity questions locked on ${formatReference(request.number, request.receivedAt)}`,
    body: `The requester's answers to identity questions did not match our records ${env().IDENTITY_QUESTIONS_MAX_FAILURES} times, so the questions are locked for this request. Contact the requester to verify their identity another way, or deny the request if it is not theirs.`,
  });
}

export async function answerIdentityQuestions(options: {
  requestId: string;
  statusToken: string;
  answers: IdentityAnswers;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}): Promise<{ outcome: IdentityAnswersOutcome; moreAnswers: number }> {
  const now = options.now ?? new Date();
  await consumeRateLimit('identity-answers-ip', options.ip);
  const found = await findRequestByStatusToken(options.requestId, options.statusToken, undefined, options.ip);
  if (!canStillProve(found)) throw new AppError('CONFLICT', 'This request is closed.');
  const before = await identityProofState(db(), found);
  if (before.locked) throw new AppError('FORBIDDEN', QUESTIONS_LOCKED_MESSAGE);
  if (!before.questionsOffered) throw new AppError('CONFLICT', 'This request needs no answers to identity questions.');
  const answered = Object.values(options.answers).filter(Boolean).length;
  if (answered === 0 || unreadableAnswers(options.answers).length > 0)
    throw new AppError(
      'INVALID_INPUT',
      'Answer at least one question; give the month as a month and a year, and the card as four digits.',
    );
  await consumeRateLimit('identity-answers-request', found.id);

  // The systems are asked outside the transaction (they may take a while); only proven addresses.
  const { expected, systems } = await readExpectedAnswers(provenIdentities(found));
  const { matched } = countMatches(options.answers, expected);

  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM privacy_request WHERE id = ${found.id}::uuid FOR UPDATE`;
    const request = await tx.privacyRequest.findUniqueOrThrow({ where: { id: found.id } });
    const state = await identityProofState(tx, request);
    // A form posted in parallel with the one that locked the questions counts for nothing.
    if (state.locked) throw new AppError('FORBIDDEN', QUESTIONS_LOCKED_MESSAGE);
    const actor = { type: 'requester' as const, ip: options.ip, userAgent: options.userAgent };
    const failed = matched < state.answersNeeded;
    await recordAuditEvent(tx, {
      requestId: request.id,
      action: failed ? DATA_POINTS_FAILED : DATA_POINTS_MATCHED,
      actor,
      data: { answered, matched, needed: state.answersNeeded, systems },
    });
    let level = request.verificationLevel;
    if (matched > state.bestAnswers)
      ({ level } = await recordVerificationCheck(tx, {
        requestId: request.id,
        method: 'data_points',
        points: matched,
        detail: { systems },
        actor,
        now,
      }));
    const after = await identityProofState(tx, { ...request, verificationLevel: level });
    if (failed && after.locked) {
      await recordAuditEvent(tx, {
        requestId: request.id,
        action: DATA_POINTS_LOCKED,
        actor: { type: 'system' },
        summary: 'Too many answers to identity questions did not match our records: we stopped asking them',
        data: { failures: after.failures },
      });
      await tellStaff(tx, request);
      return { outcome: 'locked' as const, moreAnswers: after.moreAnswers };
    }
    if (meetsLevel(level, state.target)) return { outcome: 'reached' as const, moreAnswers: 0 };
    return { outcome: failed ? ('more-needed' as const) : ('answers-enough' as const), moreAnswers: after.moreAnswers };
  });
}
