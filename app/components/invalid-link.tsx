import type { ReactNode } from 'react';
import type { Translator } from '@/lib/universal/i18n/translator';
import { PageHeading } from './page-heading';

/**
 * Shown for any link we cannot use: unknown, changed or incomplete. It never says which, so a link
 * reveals nothing about which requests exist. This part renders anywhere, static pages included.
 */
export function InvalidLinkView({
  t,
  heading = <h1 tabIndex={-1}>{t('invalidLink.title')}</h1>,
  advice,
}: {
  t: Translator;
  heading?: ReactNode;
  advice?: string;
}) {
  return (
    <>
      {heading}
      <p>{advice ?? t('invalidLink.advice')}</p>
      <p>
        <a href="/">{t('invalidLink.newRequest')}</a>
      </p>
    </>
  );
}

/** The same, on a page that hydrates: the heading can take focus when it replaces other content. */
export function InvalidLink({ t, advice, focusOnMount }: { t: Translator; advice?: string; focusOnMount?: boolean }) {
  return (
    <InvalidLinkView
      t={t}
      heading={<PageHeading focusOnMount={focusOnMount}>{t('invalidLink.title')}</PageHeading>}
      advice={advice}
    />
  );
}
