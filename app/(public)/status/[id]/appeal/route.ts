import { submitAppeal } from '@/lib/appeals/submit-appeal';
import { tokenSchema } from '@/lib/requests/schemas';
import { fieldText, isRequestId, notAForm, noticeForError, readFormPost, requesterOf, seeOther, unknownLink, withQuery } from '../../../form-post';

/** The requester appeals a denial; the appeal gets its own deadline and an admin decides it. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isRequestId(id)) return unknownLink();
  const form = await readFormPost(request);
  if (!form) return notAForm();
  const token = tokenSchema.safeParse(fieldText(form, 'token'));
  const page = `/status/${id}`;
  if (!token.success) return seeOther(page);
  const statement = fieldText(form, 'statement').trim();
  if (statement.length < 10) return seeOther(withQuery(page, { token: token.data, form: 'appeal', notice: 'appeal-too-short' }));
  if (statement.length > 5000) return seeOther(withQuery(page, { token: token.data, form: 'appeal', notice: 'appeal-too-long' }));
  try {
    await submitAppeal({ requestId: id, token: token.data, statement, ...requesterOf(request) });
  } catch (error) {
    const notice = noticeForError(error, { NOT_FOUND: 'not-found', CONFLICT: 'appeal-closed', INVALID_INPUT: 'appeal-too-short', RATE_LIMITED: 'too-many-attempts' });
    return seeOther(withQuery(page, { token: token.data, form: 'appeal', notice }));
  }
  return seeOther(withQuery(page, { token: token.data, appealed: '1' }));
}
