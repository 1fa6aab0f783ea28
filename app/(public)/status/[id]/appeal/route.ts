import { submitAppeal } from '@/lib/appeals/submit-appeal';
import { fieldText, noticeForError, readStatusFormPost, requesterOf } from '../../../form-post';

/** The requester appeals a denial; the appeal gets its own deadline and an admin decides it. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const post = await readStatusFormPost(request, params);
  if (post instanceof Response) return post;
  const statement = fieldText(post.form, 'statement').trim();
  if (statement.length < 10) return post.back({ form: 'appeal', notice: 'appeal-too-short' });
  if (statement.length > 5000) return post.back({ form: 'appeal', notice: 'appeal-too-long' });
  try {
    await submitAppeal({ requestId: post.requestId, token: post.token, statement, ...requesterOf(request) });
  } catch (error) {
    return post.back({
      form: 'appeal',
      notice: noticeForError(error, {
        NOT_FOUND: 'not-found',
        CONFLICT: 'appeal-closed',
        INVALID_INPUT: 'appeal-too-short',
        RATE_LIMITED: 'too-many-attempts',
      }),
    });
  }
  return post.back({ appealed: '1' });
}
