import Link from 'next/link';
import { InvalidLink } from '@/app/components/invalid-link';
import { PageHeading } from '@/app/components/page-heading';
import { ResendLinkForm } from '@/app/components/resend-link-form';
import { SubmitButton } from '@/app/components/submit-button';
import { NOTICES, type NoticeKey } from '../notices';

export type VerifyView = 'confirm' | 'already-verified' | 'expired' | 'used' | 'request-closed' | 'invalid' | 'refused';

/**
 * The verification page's content: the confirm button, or what the confirmation found (the
 * confirm route sends the browser back here with `result`).
 */
export function VerifyPanel({
  token,
  view,
  notice,
  agent,
}: {
  token: string;
  view: VerifyView;
  notice?: NoticeKey;
  /** An authorized agent asked with signed permission: the person confirms it or refuses. */
  agent?: { name: string } | null;
}) {
  switch (view) {
    case 'confirm': {
      const error = notice && NOTICES[notice].tone === 'error' ? NOTICES[notice].message : undefined;
      if (agent) return <ConfirmAgent token={token} agentName={agent.name} error={error} />;
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
    case 'refused':
      return (
        <>
          <PageHeading focusOnMount>We closed the request</PageHeading>
          <p>
            Thank you for telling us. We will not act on the request, and we have told the person who made it that you
            did not authorize them.
          </p>
          <p>
            If you want to make a privacy request yourself, <Link href="/">you can do so here</Link>.
          </p>
        </>
      );
    case 'invalid':
      return <InvalidLink focusOnMount />;
  }
}

/** The person an agent filed for (with signed permission): confirm, with or without copies to the agent, or refuse. */
function ConfirmAgent({ token, agentName, error }: { token: string; agentName: string; error?: string }) {
  return (
    <>
      <PageHeading focusOnMount={Boolean(error)}>Did you ask {agentName} to act for you?</PageHeading>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <p>
        {agentName} made a privacy request for you as your authorized agent and sent us a signed permission. We act on
        it only if you confirm that you asked them to. Whatever you choose, any of your data we disclose is sent to you
        only, never to the agent.
      </p>
      <form action="/verify/confirm" method="post">
        <input type="hidden" name="token" value={token} />
        <div className="field">
          <input id="field-agentCopies" type="checkbox" name="agentCopies" value="on" />{' '}
          <label htmlFor="field-agentCopies">
            Send {agentName} a copy of every email you receive from us about this request
          </label>
        </div>
        <SubmitButton pendingLabel="Confirming…">Yes, I asked them: confirm my request</SubmitButton>
      </form>
      <h2>You did not ask anyone?</h2>
      <form action="/verify/refuse" method="post">
        <input type="hidden" name="token" value={token} />
        <SubmitButton pendingLabel="Closing…" variant="warning">
          I did not ask anyone to do this
        </SubmitButton>
      </form>
    </>
  );
}
