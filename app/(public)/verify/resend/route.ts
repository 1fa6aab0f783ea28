import { tokenSchema } from '@/lib/universal/request-schema';
import { resendVerification } from '@/lib/verification/resend-verification';
import { fieldText, notAForm, noticeForError, readFormPost, requesterOf, seeOther, withQuery } from '../../form-post';

/** "Send me a new link" from an expired or used link: the old link proves access to the mailbox. */
export async function POST(request: Request) {
  const form = await readFormPost(request);
  if (!form) return notAForm(request);
  const token = tokenSchema.safeParse(fieldText(form, 'token'));
  if (!token.success) return seeOther(withQuery('/verify', { result: 'invalid' }));
  const result = fieldText(form, 'result') === 'expired' ? 'expired' : 'used';
  let notice: string;
  try {
    await resendVerification({ verificationToken: token.data, ...requesterOf(request) });
    notice = 'sent';
  } catch (error) {
    notice = noticeForError(error, { NOT_FOUND: 'not-found', CONFLICT: 'resend-closed', RATE_LIMITED: 'rate-limited' });
  }
  return seeOther(withQuery('/verify', { token: token.data, result, notice }));
}
