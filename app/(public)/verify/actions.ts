'use server';

import { redirect } from 'next/navigation';
import type { ResendState } from '@/app/components/resend-link-form';
import { AppError, toErrorBody } from '@/lib/errors';
import { tokenSchema } from '@/lib/requests/schemas';
import { resendVerification } from '@/lib/verification/resend-verification';
import { verifyRequest } from '@/lib/verification/verify-request';
import { formText } from '../read-input';
import { requesterContext } from '../requester-context';

export type VerifyState =
  | { view: 'confirm' }
  | { view: 'already-verified' }
  | { view: 'expired' | 'used' }
  | { view: 'request-closed' }
  | { view: 'invalid' }
  | { view: 'error'; message: string };

/** The "Confirm my request" button. Verification happens only here, on POST: mail scanners open links. */
export async function confirmVerification(_previous: VerifyState, formData: FormData): Promise<VerifyState> {
  const token = tokenSchema.safeParse(formText(formData, 'token'));
  if (!token.success) return { view: 'invalid' };

  let statusPath: string;
  try {
    const { ip, userAgent } = await requesterContext();
    const result = await verifyRequest({ token: token.data, ip, userAgent });
    if (result.outcome !== 'verified') return { view: result.outcome };
    statusPath = `/status/${result.requestId}?token=${encodeURIComponent(result.statusToken)}`;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return { view: 'invalid' };
    return { view: 'error', message: String(toErrorBody(error).body.error.message) };
  }
  redirect(statusPath);
}

/** "Send me a new link" from an expired or used link: the old link proves access to the mailbox. */
export async function resendFromVerificationLink(_previous: ResendState, formData: FormData): Promise<ResendState> {
  const token = tokenSchema.safeParse(formText(formData, 'token'));
  if (!token.success) return { status: 'error', message: 'This link is not valid. Please make a new request.' };
  try {
    const { ip, userAgent } = await requesterContext();
    await resendVerification({ verificationToken: token.data, ip, userAgent });
    return { status: 'sent', message: 'We sent a new link to the email address on the request. Check your inbox, and your spam folder.' };
  } catch (error) {
    return { status: 'error', message: String(toErrorBody(error).body.error.message) };
  }
}
