import type { ReactNode } from 'react';
import { GpcBanner, GpcStatus } from './gpc-notice';
import type { Translator } from '@/lib/universal/i18n/translator';
import { LanguageSwitcher } from './language-switcher';

/**
 * The skip link, header and footer around every page: the root layout's and the static pages'. With
 * `gpc` (the request carried Sec-GPC: 1) a banner under the header says the opt-out was honored; the
 * footer always says whether the signal was detected.
 */
export function SiteChrome({
  companyName,
  contactEmail,
  policyUrl,
  gpc,
  t,
  path,
  children,
}: {
  companyName: string;
  contactEmail: string;
  policyUrl: string;
  gpc: boolean;
  /** The page's language; the staff workspace passes English and no path (no switcher). */
  t: Translator;
  /** This page's path and query, which the language switcher links to in each language. */
  path?: string;
  children: ReactNode;
}) {
  return (
    <>
      <a className="skip-link" href="#main">
        {t('chrome.skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <a className="site-header__name" href="/">
            {companyName} <span className="site-header__section">{t('chrome.siteName')}</span>
          </a>
          {path !== undefined && <LanguageSwitcher t={t} path={path} />}
        </div>
      </header>
      {gpc && <GpcBanner t={t} />}
      {children}
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>
            {t.rich('chrome.contact', {
              email: contactEmail,
              link: (chunks) => <a href={`mailto:${contactEmail}`}>{chunks}</a>,
            })}
          </p>
          <p>
            <a href={policyUrl}>{t('chrome.policy', { company: companyName })}</a>
          </p>
          <GpcStatus gpc={gpc} t={t} />
        </div>
      </footer>
    </>
  );
}
