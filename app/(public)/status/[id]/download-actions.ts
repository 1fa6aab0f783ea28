'use server';

import { toErrorBody } from '@/lib/errors';
import { requestDownloadLink } from '@/lib/fulfilment/package/download-package';
import { tokenSchema } from '@/lib/requests/schemas';
import { formText } from '../../read-input';
import { requesterContext } from '../../requester-context';

export type DownloadLinkState = { error?: string; sent?: boolean };

/** "Email me a download link": a one-time link to the request's email (re-authentication before disclosure). */
export async function emailDownloadLink(_previous: DownloadLinkState, formData: FormData): Promise<DownloadLinkState> {
  const token = tokenSchema.safeParse(formText(formData, 'token'));
  if (!token.success) return { error: 'This status link is not valid. Use the link from your most recent email about this request.' };
  try {
    const { ip, userAgent } = await requesterContext();
    await requestDownloadLink({ requestId: formText(formData, 'requestId'), statusToken: token.data, ip, userAgent });
    return { sent: true };
  } catch (error) {
    return { error: String(toErrorBody(error).body.error.message) };
  }
}
