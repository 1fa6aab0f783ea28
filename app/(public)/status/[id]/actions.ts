'use server';

import { redirect } from 'next/navigation';
import { toErrorBody } from '@/lib/errors';
import { tokenSchema } from '@/lib/requests/schemas';
import { replyToRequest } from '@/lib/requests/reply-to-request';
import { submitAppeal } from '@/lib/appeals/submit-appeal';
import { withdrawRequest } from '@/lib/requests/withdraw-request';
import { formText } from '../../read-input';
import { requesterContext } from '../../requester-context';

export type WithdrawState = { error?: string; needsConfirmation?: boolean };

/** "Withdraw my request": only with the "Yes, withdraw" box ticked, then back to the status page. */
export async function withdrawFromStatusPage(_previous: WithdrawState, formData: FormData): Promise<WithdrawState> {
  const requestId = formText(formData, 'requestId');
  const token = tokenSchema.safeParse(formText(formData, 'token'));
  if (!token.success) return { error: 'This status link is not valid. Use the link from your most recent email about this request.' };
  if (formData.get('confirmWithdraw') !== 'on') {
    return { needsConfirmation: true, error: 'Tick the box to confirm that you want to withdraw this request.' };
  }
  try {
    const { ip, userAgent } = await requesterContext();
    await withdrawRequest({ requestId, token: token.data, ip, userAgent });
  } catch (error) {
    return { error: String(toErrorBody(error).body.error.message) };
  }
  redirect(`/status/${requestId}?token=${encodeURIComponent(token.data)}&withdrawn=1`);
}

export type ReplyState = { error?: string; fieldError?: string; sent?: boolean };

/** The requester answers our question; the clock runs again. */
export async function replyFromStatusPage(_previous: ReplyState, formData: FormData): Promise<ReplyState> {
  const requestId = formText(formData, 'requestId');
  const token = tokenSchema.safeParse(formText(formData, 'token'));
  if (!token.success) return { error: 'This status link is not valid. Use the link from your most recent email about this request.' };
  try {
    const { ip, userAgent } = await requesterContext();
    await replyToRequest({ requestId, token: token.data, message: formText(formData, 'message'), ip, userAgent });
  } catch (error) {
    const { body } = toErrorBody(error);
    const fields = body.error.fields as Record<string, string[]> | undefined;
    return { error: String(body.error.message), fieldError: fields?.message?.[0] };
  }
  redirect(`/status/${requestId}?token=${encodeURIComponent(token.data)}&answered=1`);
}

export type AppealState = { error?: string; fieldError?: string };

/** The requester appeals a denial; the appeal gets its own deadline and an admin decides it. */
export async function appealFromStatusPage(_previous: AppealState, formData: FormData): Promise<AppealState> {
  const requestId = formText(formData, 'requestId');
  const token = tokenSchema.safeParse(formText(formData, 'token'));
  if (!token.success) return { error: 'This status link is not valid. Use the link from your most recent email about this request.' };
  try {
    const { ip, userAgent } = await requesterContext();
    await submitAppeal({ requestId, token: token.data, statement: formText(formData, 'statement'), ip, userAgent });
  } catch (error) {
    const { body } = toErrorBody(error);
    const fields = body.error.fields as Record<string, string[]> | undefined;
    return { error: String(body.error.message), fieldError: fields?.statement?.[0] };
  }
  redirect(`/status/${requestId}?token=${encodeURIComponent(token.data)}&appealed=1`);
}
