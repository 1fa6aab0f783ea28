import { answerIdentityQuestions } from '@/lib/identity-proof/answer-identity-questions';
import { identityAnswersSchema } from '@/lib/verification/schemas';
import type { NoticeKey } from '../../../notices';
import { noticeForError, readStatusFormPost, requesterOf } from '../../../form-post';

const NOTICE_FOR = {
  reached: 'identity-reached',
  'answers-enough': 'identity-answers-enough',
  'more-needed': 'identity-more-needed',
  locked: 'identity-locked',
} as const satisfies Record<string, NoticeKey>;

/** "Check my answers": the identity questions, compared on the server; the page says only how many more are needed. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const post = await readStatusFormPost(request, params);
  if (post instanceof Response) return post;
  const answers = identityAnswersSchema.safeParse(Object.fromEntries(post.form));
  if (!answers.success) return post.back({ form: 'identity-questions', notice: 'identity-unreadable' });
  try {
    const { outcome } = await answerIdentityQuestions({
      requestId: post.requestId,
      statusToken: post.token,
      answers: answers.data,
      ...requesterOf(request),
    });
    return post.back({ form: 'identity-questions', notice: NOTICE_FOR[outcome] });
  } catch (error) {
    return post.back({
      form: 'identity-questions',
      notice: noticeForError(error, {
        NOT_FOUND: 'not-found',
        RATE_LIMITED: 'identity-rate-limited',
        FORBIDDEN: 'identity-locked',
        CONFLICT: 'identity-not-needed',
        INVALID_INPUT: 'identity-unreadable',
        UNAVAILABLE: 'identity-unavailable',
      }),
    });
  }
}
