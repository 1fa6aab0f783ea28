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
  SsoWrongIssuer:
    'This sign-in came from an identity provider this workspace does not trust. Use your company account, or ask for an email link.',
  SsoEmailMissing:
    'Your identity provider did not share an email address, so we cannot tell who you are. Ask your IT team to share your email, or ask for an email link.',
  SsoEmailUnverified:
    'Your identity provider did not confirm this email address, so it cannot sign you in. Ask your IT team to verify it, or ask for an email link.',
  SsoNotStaff:
    'This email address does not belong to an active member of the privacy team. Ask an admin to invite you.',
  SsoEmailChanged:
    'The email address of your identity provider account has changed since it was linked, so it no longer signs you in. Ask an admin to remove the old link, then sign in again.',
  SsoAlreadyLinked:
    'Another identity provider account is already linked to this person. Ask an admin to remove that link, then sign in again.',
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
