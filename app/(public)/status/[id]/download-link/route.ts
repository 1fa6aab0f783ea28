import { requestDownloadLink } from '@/lib/fulfilment/package/download-package';
import { noticeForError, readStatusFormPost, requesterOf } from '../../../form-post';

/** "Email me a download link": a one-time link to the request's email (re-authentication before disclosure). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const post = await readStatusFormPost(request, params);
  if (post instanceof Response) return post;
  try {
    await requestDownloadLink({ requestId: post.requestId, statusToken: post.token, ...requesterOf(request) });
  } catch (error) {
    return post.back({
      form: 'package',
      notice: noticeForError(error, {
        NOT_FOUND: 'not-found',
        CONFLICT: 'package-unavailable',
        RATE_LIMITED: 'rate-limited',
      }),
    });
  }
  return post.back({ form: 'package', notice: 'download-link-sent' });
}
