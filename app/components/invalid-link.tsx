import Link from 'next/link';
import { PageHeading } from './page-heading';

/**
 * Shown for any link we cannot use: unknown, changed or incomplete. It never says which, so a link
 * reveals nothing about which requests exist.
 */
export function InvalidLink({ advice, focusOnMount }: { advice?: string; focusOnMount?: boolean }) {
  return (
    <>
      <PageHeading focusOnMount={focusOnMount}>This link is not valid</PageHeading>
      <p>
        {advice ??
          'The link may be incomplete or may have been changed. Check that you copied the whole link from the email we sent you.'}
      </p>
      <p>
        <Link href="/">Make a new privacy request</Link>
      </p>
    </>
  );
}
