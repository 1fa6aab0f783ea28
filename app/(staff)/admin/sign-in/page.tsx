import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { csrfCookieName, csrfTokenFromCookie } from '@/lib/auth/csrf-token';
import { currentStaff } from '@/lib/auth/current-staff';
import { env } from '@/lib/env';
import { safeCallbackUrl, signInErrorMessage } from './sign-in-messages';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  const error = first(params.error);
  // Someone already signed in goes straight on, unless sign-in just failed for them.
  if (!error && (await currentStaff())) redirect(callbackUrl);
  const { OIDC_ISSUER, OIDC_NAME, APP_URL, APP_SECRET } = env();
  // proxy.ts sets the cookie when missing. Without one (cookies refused), next-auth refuses the post
  // and leads back here.
  const csrfToken =
    csrfTokenFromCookie((await cookies()).get(csrfCookieName(APP_URL.startsWith('https://')))?.value, APP_SECRET) ?? '';

  return (
    <>
      <h1>Sign in to the privacy workspace</h1>
      {error && (
        <div className="admin-notice admin-notice--error" role="alert">
          <p>{signInErrorMessage(error)}</p>
        </div>
      )}
      <SignInForm callbackUrl={callbackUrl} csrfToken={csrfToken} sso={OIDC_ISSUER ? { name: OIDC_NAME } : null} />
    </>
  );
}
