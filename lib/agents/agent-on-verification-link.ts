import { db } from '../db';
import { hashesEqual, hashToken } from '../security/tokens';

/**
 * The agent a verification link asks the person about, for the confirm page: only for signed
 * permission (the person confirms or refuses) while the request waits. Null otherwise, including for
 * an unknown link (the confirm step then says what is wrong). Reads; never uses the link.
 */
export async function agentOnVerificationLink(token: string): Promise<{ name: string } | null> {
  const tokenHash = hashToken(token);
  const found = await db().verificationLink.findUnique({
    where: { tokenHash },
    select: {
      tokenHash: true,
      request: { select: { status: true, agentName: true, agentAuthorization: { select: { kind: true } } } },
    },
  });
  if (!found || !hashesEqual(found.tokenHash, tokenHash)) return null;
  const { request } = found;
  if (request.status !== 'unverified' || request.agentAuthorization?.kind !== 'signed_permission' || !request.agentName)
    return null;
  return { name: request.agentName };
}
