import { db } from '../db';
import { submissionTokenHashes } from '../security/submission-token';
import type { RequestType } from '../universal/codes';
import { isOptOutOnly, optOutTypes } from '../verification/opt-outs';
import { isUuid } from '../uuid';

/**
 * For the confirmation page, to the holder of its submission token: the opt-outs of the request that
 * were acted on at receipt, and whether nothing else waits for the email to be confirmed. Null when
 * the request has none, and for an unknown id or a wrong token (the page then says what it says for
 * any request: check your email).
 */
export async function getSubmittedOptOut(options: {
  requestId: string;
  submissionToken: string;
}): Promise<{ types: RequestType[]; only: boolean } | null> {
  if (!isUuid(options.requestId)) return null;
  const request = await db().privacyRequest.findFirst({
    where: {
      id: options.requestId,
      submissionTokenHash: { in: submissionTokenHashes(options.requestId, options.submissionToken) },
    },
    select: { types: true },
  });
  const types = optOutTypes(request?.types ?? []);
  if (!request || types.length === 0) return null;
  return { types, only: isOptOutOnly(request.types) };
}
