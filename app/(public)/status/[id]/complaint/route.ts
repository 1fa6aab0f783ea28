import { submitComplaint } from '@/lib/complaints/submit-complaint';
import { fieldText, noticeForError, readStatusFormPost, requesterOf } from '../../../form-post';

/** The requester complains about our processing; the complaint is acknowledged by email and gets its own clock. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const post = await readStatusFormPost(request, params);
  if (post instanceof Response) return post;
  const statement = fieldText(post.form, 'statement').trim();
  if (statement.length < 10) return post.back({ form: 'complaint', notice: 'complaint-too-short' });
  if (statement.length > 5000) return post.back({ form: 'complaint', notice: 'complaint-too-long' });
  try {
    await submitComplaint({ requestId: post.requestId, token: post.token, statement, ...requesterOf(request) });
  } catch (error) {
    return post.back({
      form: 'complaint',
      notice: noticeForError(error, {
        NOT_FOUND: 'not-found',
        CONFLICT: 'complaint-limit',
        INVALID_INPUT: 'complaint-too-short',
        RATE_LIMITED: 'complaint-rate-limited',
      }),
    });
  }
  return post.back({ complained: '1' });
}
