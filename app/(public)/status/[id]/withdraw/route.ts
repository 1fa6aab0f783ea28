import { tokenSchema } from '@/lib/requests/schemas';
import { withdrawRequest } from '@/lib/requests/withdraw-request';
import { fieldText, isRequestId, notAForm, noticeForError, readFormPost, requesterOf, seeOther, unknownLink, withQuery } from '../../../form-post';

/** "Withdraw my request": only with the "Yes, withdraw" box ticked, then back to the status page. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isRequestId(id)) return unknownLink();
  const form = await readFormPost(request);
  if (!form) return notAForm();
  const token = tokenSchema.safeParse(fieldText(form, 'token'));
  const page = `/status/${id}`;
  if (!token.success) return seeOther(page);
  if (form.get('confirmWithdraw') !== 'on') return seeOther(withQuery(page, { token: token.data, form: 'withdraw', notice: 'confirm-withdraw' }));
  try {
    await withdrawRequest({ requestId: id, token: token.data, ...requesterOf(request) });
  } catch (error) {
    const notice = noticeForError(error, { NOT_FOUND: 'not-found', CONFLICT: 'withdraw-closed', INVALID_INPUT: 'withdraw-closed', RATE_LIMITED: 'too-many-attempts' });
    return seeOther(withQuery(page, { token: token.data, form: 'withdraw', notice }));
  }
  return seeOther(withQuery(page, { token: token.data, withdrawn: '1' }));
}
