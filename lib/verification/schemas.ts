/** The inputs of the status page's proofs of identity: one zod schema each. */
import { z } from 'zod';
import { IDENTITY_QUESTIONS, type IdentityQuestionKey } from './identity-questions';

const answer = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().trim().max(200));

/** The identity questions' answers; every one optional (an empty one is not compared). */
export const identityAnswersSchema = z.object(
  Object.fromEntries(IDENTITY_QUESTIONS.map((q) => [q.key, answer])) as Record<IdentityQuestionKey, typeof answer>,
);

export type IdentityAnswers = z.infer<typeof identityAnswersSchema>;

export const declarationSchema = z.object({
  fullName: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().trim().max(200)),
  declared: z.preprocess((v) => v === 'on' || v === 'yes' || v === true, z.boolean()),
});
