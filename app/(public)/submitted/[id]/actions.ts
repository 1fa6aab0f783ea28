'use server';

import type { ResendState } from '@/app/components/resend-link-form';
import { toErrorBody } from '@/lib/errors';
import { tokenSchema } from '@/lib/requests/schemas';
import { resendVerification } from '@/lib/verification/resend-verification';
import { formText } from '../../read-input';
import { requesterContext } from '../../requester-context';

/** "Send the email again" on the confirmation page: proof is the page's own submission token. */
export async function resendFromConfirmationPage(_previous: ResendState, formData: FormData): Promise<ResendState> {
  const requestId = formText(formData, 'requestId');
  const token = tokenSchema.safeParse(formText(formData, 'token'));
  if (!token.success) return { status: 'error', message: 'We could not find that request. Please make a new request.' };
  try {
    const { ip, userAgent } = await requesterContext();
    await resendVerification({ requestId, submissionToken: token.data, ip, userAgent });
    return { status: 'sent', message: 'We sent a new link. Check your inbox, and your spam folder.' };
  } catch (error) {
    return { status: 'error', message: String(toErrorBody(error).body.error.message) };
  }
}
