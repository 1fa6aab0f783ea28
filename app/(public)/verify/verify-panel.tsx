import Link from 'next/link';
import { InvalidLink } from '@/app/components/invalid-link';
import { PageHeading } from '@/app/components/page-heading';
import { ResendLinkForm } from '@/app/components/resend-link-form';
import { SubmitButton } from '@/app/components/submit-button';
import { NOTICES, type NoticeKey } from '../notices';

export type VerifyView = 'confirm' | 'already-verified' | 'expired' | 'used' | 'request-closed' | 'invalid';

/**
 * The verification page's content: the confirm button, or what the confirmation found (the
 * confirm route sends the browser back here with `result`).
 */
export function VerifyPanel({ token, view, notice }: { token: string; view: VerifyView; notice?: NoticeKey }) {
  switch (view) {
    case 'confirm': {
      const error = notice && NOTICES[notice].tone === 'error' ? NOTICES[notice].message : undefined;
      return (
        <>
          <PageHeading focusOnMount={Boolean(error)}>Confirm your request</PageHeading>
          {error && (
            <div className="notice notice--error" role="alert">
              <p>{error}</p>
            </div>
          )}
          <p>Press the button to confirm that you made this privacy request and that this is your email address.</p>
          <p>If you did not make a request, ignore the email: nothing will happen.</p>
          <form action="/verify/confirm" method="post">
            <input type="hidden" name="token" value={token} />
            <SubmitButton pendingLabel="Confirming…">Confirm my request</SubmitButton>
          </form>
        </>
      );
    }
    case 'already-verified':
      return (
        <>
          <PageHeading focusOnMount>Already confirmed</PageHeading>
          <p>This request is already confirmed. Use the status link in the email we sent you to follow its progress.</p>
        </>
      );
    case 'expired':
    case 'used':
      return (
        <>
          <PageHeading focusOnMount>
            {view === 'expired' ? 'This link has expired' : 'This link has already been used'}
          </PageHeading>
          <p>
            {view === 'expired'
              ? 'Confirmation links work for a limited time, and this one has run out.'
              : 'Each confirmation link works once, and only the newest link we sent is valid.'}{' '}
            Your request has not been confirmed yet. We can email a new link to the address on the request.
          </p>
          <ResendLinkForm
            action="/verify/resend"
            hiddenFields={{ token, result: view }}
            buttonLabel="Send me a new link"
            notice={notice}
          />
        </>
      );
    case 'request-closed':
      return (
        <>
          <PageHeading focusOnMount>This request is closed</PageHeading>
          <p>
            This request was closed, so it can no longer be confirmed. If you still want us to act, please make a new
            request.
          </p>
          <p>
            <Link href="/">Make a new privacy request</Link>
          </p>
        </>
      );
    case 'invalid':
      return <InvalidLink focusOnMount />;
  }
}
