'use client';

import { signIn } from 'next-auth/react';

/**
 * Single sign-on starts from a script: as a form post, next-auth's redirect to the identity
 * provider would be another origin, which the page's `form-action 'self'` refuses.
 */
export function SsoButton({ name, callbackUrl }: { name: string; callbackUrl: string }) {
  return (
    <button
      type="button"
      className="admin-button admin-button--secondary"
      onClick={() => void signIn('oidc', { callbackUrl })}
    >
      Sign in with {name}
    </button>
  );
}
