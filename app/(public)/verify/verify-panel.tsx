'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { InvalidLink } from '@/app/components/invalid-link';
import { PageHeading } from '@/app/components/page-heading';
import { ResendLinkForm } from '@/app/components/resend-link-form';
import { SubmitButton } from '@/app/components/submit-button';
import { confirmVerification, resendFromVerificationLink, type VerifyState } from './actions';

const initialState: VerifyState = { view: 'confirm' };

/** The verification page's content: the confirm button, then whatever the confirmation found. */
export function VerifyPanel({ token }: { token: string }) {
  const [state, formAction] = useActionState(confirmVerification, initialState);
  const answered = state.view !== 'confirm';

  switch (state.view) {
    case 'confirm':
    case 'error':
      return (
        <>
          <PageHeading focusOnMount={answered}>Confirm your request</PageHeading>
          {state.view === 'error' && (
            <div className="notice notice--error" role="alert">
              <p>{state.message}</p>
            </div>
          )}
          <p>Press the button to confirm that you made this privacy request and that this is your email address.</p>
          <p>If you did not make a request, ignore the email: nothing will happen.</p>
          <form action={formAction}>
            <input type="hidden" name="token" value={token} />
            <SubmitButton pendingLabel="Confirming…">Confirm my request</SubmitButton>
          </form>
        </>
      );
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
          <PageHeading focusOnMount>{state.view === 'expired' ? 'This link has expired' : 'This link has already been used'}</PageHeading>
          <p>
            {state.view === 'expired'
              ? 'Confirmation links work for a limited time, and this one has run out.'
              : 'Each confirmation link works once, and only the newest link we sent is valid.'}{' '}
            Your request has not been confirmed yet. We can email a new link to the address on the request.
          </p>
          <ResendLinkForm action={resendFromVerificationLink} hiddenFields={{ token }} buttonLabel="Send me a new link" />
        </>
      );
    case 'request-closed':
      return (
        <>
          <PageHeading focusOnMount>This request is closed</PageHeading>
          <p>This request was closed, so it can no longer be confirmed. If you still want us to act, please make a new request.</p>
          <p>
            <Link href="/">Make a new privacy request</Link>
          </p>
        </>
      );
    case 'invalid':
      return <InvalidLink focusOnMount />;
  }
}
