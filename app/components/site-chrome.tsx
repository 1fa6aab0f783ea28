import type { ReactNode } from 'react';
import { SITE_NAME } from './site';

/** The skip link, header and footer around every page: the root layout's and the static pages'. */
export function SiteChrome({
  companyName,
  contactEmail,
  policyUrl,
  children,
}: {
  companyName: string;
  contactEmail: string;
  policyUrl: string;
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
      {children}
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>
            Questions about your privacy? Email <a href={`mailto:${contactEmail}`}>{contactEmail}</a>.
          </p>
          <p>
            <a href={policyUrl}>Read the {companyName} privacy policy</a>
          </p>
        </div>
      </footer>
    </>
  );
}
