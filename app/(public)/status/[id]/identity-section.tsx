import type { ReactNode } from 'react';
import type { PublicRequestStatus } from '@/lib/requests/get-request-status';
import type { Translator } from '@/lib/universal/i18n/translator';
import type { VerificationLevel } from '@/lib/verification/levels';

/** A level of proof as the requester reads it, in a sentence of their language. */
export const levelWords = (t: Translator, level: VerificationLevel) => t(`proof.level.${level}`);

/**
 * "Prove who you are": shown while the request needs a stronger proof of identity than the requester
 * has given, before work starts or before its data is released. Each way of proving it is a form of
 * its own (children), posting to its own route.
 */
export function IdentitySection({
  t,
  verification,
  children,
}: {
  t: Translator;
  verification: PublicRequestStatus['verification'];
  children?: ReactNode;
}) {
  const { neededForWork, neededForRelease, reached, askedFor } = verification;
  return (
    <section aria-labelledby="identity-title">
      <h2 id="identity-title">{t('proof.title')}</h2>
      <p>
        {neededForWork === neededForRelease
          ? t('proof.neededOnce', { level: levelWords(t, neededForRelease) })
          : t('proof.neededTwice', {
              release: levelWords(t, neededForRelease),
              work: levelWords(t, neededForWork),
            })}{' '}
        {t('proof.reached', { level: levelWords(t, reached) })}
      </p>
      {askedFor && (
        // The reason is what staff wrote, sent as written.
        <p>{t('proof.askedFor', { level: levelWords(t, askedFor.level), reason: askedFor.reason })}</p>
      )}
      {children}
    </section>
  );
}
