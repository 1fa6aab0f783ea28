import type { Metadata } from 'next';
import Link from 'next/link';
import { InvalidLink } from '@/app/components/invalid-link';
import { PageHeading } from '@/app/components/page-heading';
import { SubmitButton } from '@/app/components/submit-button';
import { tokenSchema } from '@/lib/universal/request-schema';
import { readNotice } from '../../notices';
import { firstParam } from '../../read-input';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Confirm your account email',
  // The URL holds the token: no Referer leaves this page. Its form posts to a route handler.
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

const RESULTS = {
  proven: [
    'This address is confirmed',
    'Thank you. We now look for the data held under this address too, as part of your privacy request.',
  ],
  'already-proven': [
    'Already confirmed',
    'This address is already confirmed for the request. There is nothing more to do.',
  ],
  expired: [
    'This link has expired',
    'Links to confirm an account email work for a limited time. Ask for a new one on your request’s status page.',
  ],
  used: [
    'This link has already been used',
    'Each link works once, and only the newest link we sent is valid. Ask for a new one on your request’s status page.',
  ],
  'request-closed': [
    'This request is closed',
    'The request this link belongs to is closed, so there is nothing to confirm. If you still want us to act, make a new request.',
  ],
} as const;

/**
 * The page an account-email proof link opens. Opening it only shows a button: mail scanners open
 * links, and must not confirm anything. It proves the address, nothing else: it never confirms the
 * request itself, and it shows no status link (its reader is whoever holds that mailbox).
 */
export default async function ConfirmAccountEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const result = firstParam(query.result);
  if (result && Object.hasOwn(RESULTS, result)) {
    const [heading, text] = RESULTS[result as keyof typeof RESULTS];
    return (
      <>
        <PageHeading focusOnMount>{heading}</PageHeading>
        <p>{text}</p>
        <p>
          <Link href="/">Make a new privacy request</Link>
        </p>
      </>
    );
  }
  const token = tokenSchema.safeParse(firstParam(query.token));
  if (!token.success) return <InvalidLink focusOnMount={result === 'invalid'} />;
  const notice = readNotice(firstParam(query.notice));
  const error = notice?.tone === 'error' ? notice.message : undefined;
  return (
    <>
      <PageHeading focusOnMount={Boolean(error)}>Confirm your account email</PageHeading>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <p>
        A privacy request names this address as its maker&rsquo;s account email. Press the button to confirm that this
        address is yours and that you made that request: we will then look for the data held under it too.
      </p>
      <p>If you did not make a privacy request, close this page: nothing will happen to your data.</p>
      <form action="/verify/account-email/confirm" method="post">
        <input type="hidden" name="token" value={token.data} />
        <SubmitButton pendingLabel="Confirming…">Confirm this address</SubmitButton>
      </form>
    </>
  );
}
