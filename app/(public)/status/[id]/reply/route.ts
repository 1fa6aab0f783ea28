import { replyToRequest } from '@/lib/requests/reply-to-request';
import { fieldText, noticeForError, readStatusFormPost, requesterOf } from '../../../form-post';

/** The requester answers our question; the clock runs again. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const post = await readStatusFormPost(request, params);
  if (post instanceof Response) return post;
  const message = fieldText(post.form, 'message').trim();
  if (!message) return post.back({ form: 'reply', notice: 'answer-empty' });
  if (message.length > 5000) return post.back({ form: 'reply', notice: 'answer-too-long' });
  try {
    await replyToRequest({ requestId: post.requestId, token: post.token, message, ...requesterOf(request) });
  } catch (error) {
    return post.back({
      form: 'reply',
      notice: noticeForError(error, {
        NOT_FOUND: 'not-found',
        CONFLICT: 'not-awaiting',
        INVALID_INPUT: 'answer-empty',
        RATE_LIMITED: 'too-many-attempts',
      }),
    });
  }
  return post.back({ answered: '1' });
}
