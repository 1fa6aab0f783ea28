import type { Metadata } from 'next';
import Link from 'next/link';
import { LINK_SENT } from '../sign-in-messages';

export const metadata: Metadata = { title: 'Check your email' };

/** Where next-auth sends everyone after asking for a link: the same words for staff and strangers. */
export default function CheckEmailPage() {
  return (
    <>
      <h1>Check your email</h1>
      <p>{LINK_SENT}</p>
      <p>
        The link works once, for a short time. If nothing arrives within a few minutes, check the address and ask again.
      </p>
      <p>
        <Link href="/admin/sign-in">Ask for another link</Link>
      </p>
    </>
  );
}
