'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

/**
 * Email magic link, and single sign-on when configured. Whatever address is typed, a successful
 * request leads to the same page: the form never tells whether someone is on the team.
 */
export function SignInForm({ callbackUrl, sso }: { callbackUrl: string; sso: { name: string } | null }) {
  const router = useRouter();
  const [state, setState] = useState<'idle' | 'sending' | 'failed'>('idle');

  async function requestLink(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    setState('sending');
    try {
      const result = await signIn('email', { email, callbackUrl, redirect: false });
      if (result?.error) {
        setState('failed');
        return;
      }
      router.push('/admin/sign-in/check-email');
    } catch {
      setState('failed');
    }
  }

  return (
    <>
      {state === 'failed' && (
        <div className="admin-notice admin-notice--error" role="alert">
          <p>We could not send a sign-in link just now. Check the address and try again in a minute.</p>
        </div>
      )}
      <form onSubmit={requestLink} className="admin-stack">
        <div className="admin-field">
          <label htmlFor="sign-in-email">Work email address</label>
          <input id="sign-in-email" name="email" type="email" autoComplete="email" spellCheck={false} required />
        </div>
        <button type="submit" className="admin-button admin-button--primary" disabled={state === 'sending'}>
          {state === 'sending' ? 'Sending…' : 'Email me a sign-in link'}
        </button>
      </form>
      {sso && (
        <section aria-labelledby="sso-title" className="admin-sso">
          <h2 id="sso-title">Or use your company account</h2>
          <button type="button" className="admin-button admin-button--secondary" onClick={() => void signIn('oidc', { callbackUrl })}>
            Sign in with {sso.name}
          </button>
        </section>
      )}
    </>
  );
}
