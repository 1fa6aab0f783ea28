import { requestDownloadLink } from '@/lib/fulfilment/package/download-package';
import { tokenSchema } from '@/lib/requests/schemas';
import { fieldText, isRequestId, notAForm, noticeForError, readFormPost, requesterOf, seeOther, unknownLink, withQuery } from '../../../form-post';

/** "Email me a download link": a one-time link to the request's email (re-authentication before disclosure). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isRequestId(id)) return unknownLink();
  const form = await readFormPost(request);
  if (!form) return notAForm();
  const token = tokenSchema.safeParse(fieldText(form, 'token'));
  const page = `/status/${id}`;
  if (!token.success) return seeOther(page);
  try {
    await requestDownloadLink({ requestId: id, statusToken: token.data, ...requesterOf(request) });
  } catch (error) {
    const notice = noticeForError(error, { NOT_FOUND: 'not-found', CONFLICT: 'package-unavailable', RATE_LIMITED: 'rate-limited' });
    return seeOther(withQuery(page, { token: token.data, form: 'package', notice }));
  }
  return seeOther(withQuery(page, { token: token.data, form: 'package', notice: 'download-link-sent' }));
}
