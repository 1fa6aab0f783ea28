import type { ReactNode } from 'react';
import type { Translator } from '@/lib/universal/i18n/translator';

const bold = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

/** What each right means, in plain words, following the privacy policy's "Your choices and rights". */
export function RightsIntro({
  t,
  companyName,
  sellsOrShares,
  verificationLifetime,
}: {
  t: Translator;
  companyName: string;
  /** SELLS_OR_SHARES_PERSONAL_INFORMATION. */
  sellsOrShares: boolean;
  /** How long the confirmation link works, in words ("10 days"). */
  verificationLifetime: string;
}) {
  return (
    <>
      <p className="lead">{t('rights.lead', { company: companyName })}</p>
      <h2>{t('rights.title')}</h2>
      <p>{t('rights.intro')}</p>
      <ul className="rights">
        <li>{t.rich('rights.access', { b: bold })}</li>
        <li>{t.rich('rights.correct', { b: bold })}</li>
        <li>{t.rich('rights.delete', { b: bold })}</li>
        <li>{t.rich('rights.export', { b: bold })}</li>
        <li>{t.rich('rights.restrict', { b: bold })}</li>
        <li>{t.rich('rights.object', { b: bold })}</li>
        <li>{t.rich('rights.unsubscribe', { b: bold })}</li>
        <li>
          {t.rich('rights.optOutSale', { b: bold })}{' '}
          {sellsOrShares ? null : t('rights.optOutSaleNone', { company: companyName })}
        </li>
        <li>{t.rich('rights.limitSensitive', { b: bold })}</li>
      </ul>
      <h2>{t('rights.howTitle')}</h2>
      <ol>
        <li>{t('rights.step1')}</li>
        <li>{t('rights.step2', { lifetime: verificationLifetime })}</li>
        <li>{t('rights.step3')}</li>
      </ol>
    </>
  );
}
