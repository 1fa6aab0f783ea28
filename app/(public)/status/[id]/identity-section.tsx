import type { ReactNode } from 'react';
import type { PublicRequestStatus } from '@/lib/requests/get-request-status';
import { VERIFICATION_LEVEL_LABELS } from '@/lib/verification/levels';

/**
 * "Prove who you are": shown while the request needs a stronger proof of identity than the requester
 * has given, before work starts or before its data is released. Each way of proving it is a form of
 * its own (children), posting to its own route.
 */
export function IdentitySection({
  verification,
  children,
}: {
  verification: PublicRequestStatus['verification'];
  children?: ReactNode;
}) {
  const label = (level: PublicRequestStatus['verification']['reached']) =>
    VERIFICATION_LEVEL_LABELS[level].toLowerCase();
  return (
    // Not yet in the catalogs: the proofs of identity speak English, and say so.
    <section aria-labelledby="identity-title" lang="en">
      <h2 id="identity-title">Prove who you are</h2>
      <p>
        Before we {verification.neededForWork === verification.neededForRelease ? 'act on' : 'release the data for'}{' '}
        this request, the law asks us to be sure it is yours: we need {label(verification.neededForRelease)}
        {verification.neededForWork !== verification.neededForRelease &&
          ` (and ${label(verification.neededForWork)} before we start)`}
        . So far we have: {label(verification.reached)}. We only compare what you tell us with what we already hold, and
        delete what you send us for this once it is used.
      </p>
      {verification.askedFor && (
        <p>
          We asked you for {label(verification.askedFor.level)} because: {verification.askedFor.reason}
        </p>
      )}
      {children}
    </section>
  );
}
