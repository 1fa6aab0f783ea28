import { sendAccountEmailProof } from '@/lib/verification/send-account-email-proof';
import { noticeForError, readStatusFormPost, requesterOf } from '../../../form-post';

/** "Email a link to my account email": a proof link to the other address the requester named. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const post = await readStatusFormPost(request, params);
  if (post instanceof Response) return post;
  try {
    await sendAccountEmailProof({ requestId: post.requestId, statusToken: post.token, ...requesterOf(request) });
  } catch (error) {
    return post.back({
      form: 'account-email',
      notice: noticeForError(error, {
        NOT_FOUND: 'not-found',
        CONFLICT: 'account-link-closed',
        RATE_LIMITED: 'rate-limited',
      }),
    });
  }
  return post.back({ form: 'account-email', notice: 'account-link-sent' });
}
