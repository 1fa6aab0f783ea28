import { withdrawRequest } from '@/lib/requests/withdraw-request';
import { noticeForError, readStatusFormPost, requesterOf } from '../../../form-post';

/** "Withdraw my request": only with the "Yes, withdraw" box ticked, then back to the status page. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const post = await readStatusFormPost(request, params);
  if (post instanceof Response) return post;
  if (post.form.get('confirmWithdraw') !== 'on') return post.back({ form: 'withdraw', notice: 'confirm-withdraw' });
  try {
    await withdrawRequest({ requestId: post.requestId, token: post.token, ...requesterOf(request) });
  } catch (error) {
    return post.back({
      form: 'withdraw',
      notice: noticeForError(error, {
        NOT_FOUND: 'not-found',
        CONFLICT: 'withdraw-closed',
        INVALID_INPUT: 'withdraw-closed',
        RATE_LIMITED: 'too-many-attempts',
      }),
    });
  }
  return post.back({ withdrawn: '1' });
}
