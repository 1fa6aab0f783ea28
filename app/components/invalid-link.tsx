import type { ReactNode } from 'react';
import { PageHeading } from './page-heading';

const ADVICE =
  'The link may be incomplete or may have been changed. Check that you copied the whole link from the email we sent you.';

/**
 * Shown for any link we cannot use: unknown, changed or incomplete. It never says which, so a link
 * reveals nothing about which requests exist. This part renders anywhere, static pages included.
 */
export function InvalidLinkView({
  heading = <h1 tabIndex={-1}>This link is not valid</h1>,
  advice,
}: {
  heading?: ReactNode;
  advice?: string;
}) {
  return (
    <>
      {heading}
      <p>{advice ?? ADVICE}</p>
      <p>
        <a href="/">Make a new privacy request</a>
      </p>
    </>
  );
}

/** The same, on a page that hydrates: the heading can take focus when it replaces other content. */
export function InvalidLink({ advice, focusOnMount }: { advice?: string; focusOnMount?: boolean }) {
  return (
    <InvalidLinkView
      heading={<PageHeading focusOnMount={focusOnMount}>This link is not valid</PageHeading>}
      advice={advice}
    />
  );
}
