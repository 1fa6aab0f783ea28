import type { ReactNode } from 'react';
import { GpcBanner, GpcStatus } from './gpc-notice';
import { SITE_NAME } from './site';

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
  children,
}: {
  companyName: string;
  contactEmail: string;
  policyUrl: string;
  gpc: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <a className="site-header__name" href="/">
            {companyName} <span className="site-header__section">{SITE_NAME}</span>
          </a>
        </div>
      </header>
      {gpc && <GpcBanner />}
      {children}
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>
            Questions about your privacy? Email <a href={`mailto:${contactEmail}`}>{contactEmail}</a>.
          </p>
          <p>
            <a href={policyUrl}>Read the {companyName} privacy policy</a>
          </p>
          <GpcStatus gpc={gpc} />
        </div>
      </footer>
    </>
  );
}
