/** What the sign-in pages say. One neutral sentence whether or not the address belongs to staff. */
export const LINK_SENT = 'If this address belongs to a member of the privacy team, a link is on its way.';

const EXPIRED = 'That link is not valid any more or your access has ended. Ask for a new link.';

/** next-auth's `?error=` codes, in words staff can act on. Unknown codes get the generic sentence. */
const ERROR_MESSAGES: Record<string, string> = {
  AccessDenied: EXPIRED,
  Verification: EXPIRED,
  EmailSignin: 'We could not send a sign-in link just now. Try again in a minute.',
  OAuthSignin: 'Single sign-on did not start. Try again, or ask for an email link.',
  OAuthCallback: 'Single sign-on did not finish. Try again, or ask for an email link.',
  OAuthAccountNotLinked: 'Single sign-on did not work for this account. Ask for an email link instead.',
  Callback: 'Sign-in did not finish. Try again, or ask for a new link.',
  SessionRequired: 'Please sign in to continue.',
  Configuration: 'Sign-in is not available right now. Please try again later.',
};

export function signInErrorMessage(code: string): string {
  return ERROR_MESSAGES[code] ?? 'Sign-in did not work. Try again, or ask for a new link.';
}

/** Only back into the workspace: anything else (another site, the API) falls back to the queue. */
export function safeCallbackUrl(value: string | undefined): string {
  if (!value || value.includes('\\')) return '/admin';
  if (!/^\/admin(?:[/?#]|$)/.test(value) || value.startsWith('/admin/sign-in')) return '/admin';
  return value;
}
