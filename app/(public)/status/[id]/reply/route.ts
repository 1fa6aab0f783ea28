import { tokenSchema } from '@/lib/requests/schemas';
import { replyToRequest } from '@/lib/requests/reply-to-request';
import { fieldText, isRequestId, notAForm, noticeForError, readFormPost, requesterOf, seeOther, unknownLink, withQuery } from '../../../form-post';

/** The requester answers our question; the clock runs again. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isRequestId(id)) return unknownLink();
  const form = await readFormPost(request);
  if (!form) return notAForm();
  const token = tokenSchema.safeParse(fieldText(form, 'token'));
  const page = `/status/${id}`;
  if (!token.success) return seeOther(page);
  const message = fieldText(form, 'message').trim();
  if (!message) return seeOther(withQuery(page, { token: token.data, form: 'reply', notice: 'answer-empty' }));
  if (message.length > 5000) return seeOther(withQuery(page, { token: token.data, form: 'reply', notice: 'answer-too-long' }));
  try {
    await replyToRequest({ requestId: id, token: token.data, message, ...requesterOf(request) });
  } catch (error) {
    const notice = noticeForError(error, { NOT_FOUND: 'not-found', CONFLICT: 'not-awaiting', INVALID_INPUT: 'answer-empty', RATE_LIMITED: 'too-many-attempts' });
    return seeOther(withQuery(page, { token: token.data, form: 'reply', notice }));
  }
  return seeOther(withQuery(page, { token: token.data, answered: '1' }));
}
