/**
 * A request's addresses and which of them are proven. The request's own email is proven by its
 * verification link; an account email the requester names is a claim until proven by a link sent to
 * it (`confirm-account-email.ts`). Only proven addresses ever reach a system.
 */
type Claimant = { email: string; accountEmail: string | null; accountEmailVerifiedAt: Date | null };

const normalise = (email: string) => email.trim().toLowerCase();

/** The account email when it is another address than the request's and not yet proven; else null. */
export function unprovenAccountEmail(request: Claimant): string | null {
  if (!request.accountEmail || request.accountEmailVerifiedAt) return null;
  return normalise(request.accountEmail) === normalise(request.email) ? null : request.accountEmail;
}

/** The addresses connectors may act for: the verified email, and the account email once proven. */
export function provenIdentities(request: Claimant): string[] {
  const proven = [request.email, request.accountEmailVerifiedAt ? request.accountEmail : null];
  return [...new Set(proven.filter((e): e is string => Boolean(e)).map(normalise))];
}
