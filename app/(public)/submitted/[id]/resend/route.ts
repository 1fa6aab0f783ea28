import { tokenSchema } from '@/lib/universal/request-schema';
import { resendVerification } from '@/lib/verification/resend-verification';
import {
  fieldText,
  isRequestId,
  notAForm,
  noticeForError,
  readFormPost,
  requesterOf,
  seeOther,
  unknownLink,
  withQuery,
} from '../../../form-post';

/** "Send the email again" on the confirmation page: proof is the page's own submission token. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isRequestId(id)) return unknownLink(request);
  const form = await readFormPost(request);
  if (!form) return notAForm(request);
  const token = tokenSchema.safeParse(fieldText(form, 'token'));
  if (!token.success) return seeOther(withQuery(`/submitted/${id}`, { notice: 'not-found' }));
  let notice: string;
  try {
    await resendVerification({ requestId: id, submissionToken: token.data, ...requesterOf(request) });
    notice = 'sent';
  } catch (error) {
    notice = noticeForError(error, { NOT_FOUND: 'not-found', CONFLICT: 'resend-closed', RATE_LIMITED: 'rate-limited' });
  }
  return seeOther(withQuery(`/submitted/${id}`, { token: token.data, notice }));
}
