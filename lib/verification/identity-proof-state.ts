import type { Db, Tx } from '../db';
import { env } from '../env';
import type { RequestType } from '../universal/codes';
import { DATA_POINTS_FOR, highestLevel, meetsLevel, type VerificationLevel } from './levels';
import { verificationState } from './verification-gate';

/** The audit action of an answer form whose answers did not reach the points the request needs. */
export const DATA_POINTS_FAILED = 'verification.data_points_failed';
export const DATA_POINTS_MATCHED = 'verification.data_points_matched';
export const DATA_POINTS_LOCKED = 'verification.data_points_locked';

type ProvableRequest = {
  id: string;
  jurisdiction: string;
  types: readonly RequestType[];
  verificationLevel: VerificationLevel;
  verificationRequired?: VerificationLevel | null;
};

/**
 * Where a request stands with the identity questions and the declaration: the level it aims for
 * (the stricter of before work and before release), how many matching answers one form must carry
 * to reach it, how many more it still needs, and whether the questions are locked after
 * IDENTITY_QUESTIONS_MAX_FAILURES failed forms. Only rules and counts: never an answer.
 */
export async function identityProofState(client: Db | Tx, request: ProvableRequest) {
  const state = verificationState(request);
  const target = highestLevel([state.required.beforeWork, state.required.beforeDisclosure]);
  const checks = await client.verificationCheck.findMany({
    where: { requestId: request.id },
    select: { method: true, points: true },
  });
  const emailPoint = checks.some((c) => c.method === 'email_link') ? 1 : 0;
  const best = Math.max(0, ...checks.filter((c) => c.method === 'data_points').map((c) => c.points ?? 0));
  const pointsTarget = target === 'reasonable' || target === 'high' ? DATA_POINTS_FOR[target] : 0;
  const answersNeeded = Math.max(0, pointsTarget - emailPoint);
  const moreAnswers = meetsLevel(state.reached, target) ? 0 : Math.max(0, answersNeeded - best);
  const failures = await client.auditEvent.count({ where: { requestId: request.id, action: DATA_POINTS_FAILED } });
  const locked = moreAnswers > 0 && failures >= env().IDENTITY_QUESTIONS_MAX_FAILURES;
  const declarationSigned = checks.some((c) => c.method === 'declaration');
  return {
    target,
    /** Matching answers one form needs to reach the target's points. */
    answersNeeded,
    bestAnswers: best,
    moreAnswers,
    failures,
    locked,
    questionsOffered: moreAnswers > 0 && !locked,
    declarationOffered: target === 'high' && !declarationSigned && !meetsLevel(state.reached, 'high'),
  };
}
