import { SsoButton } from './sso-button';

/**
 * Email magic link, and single sign-on when configured. The email form is a plain form that posts
 * to next-auth with its CSRF token, so it works before the page's scripts arrive and without them.
 * Whatever address is typed, next-auth leads to the same page: the form never tells whether
 * someone is on the team.
 */
export function SignInForm({
  callbackUrl,
  csrfToken,
  sso,
}: {
  callbackUrl: string;
  csrfToken: string;
  sso: { name: string } | null;
}) {
  return (
    <>
      <form method="post" action="/api/auth/signin/email" className="admin-stack">
        <input type="hidden" name="csrfToken" value={csrfToken} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <div className="admin-field">
          <label htmlFor="sign-in-email">Work email address</label>
          <input id="sign-in-email" name="email" type="email" autoComplete="email" spellCheck={false} required />
        </div>
        <button type="submit" className="admin-button admin-button--primary">
          Email me a sign-in link
        </button>
      </form>
      {sso && (
        <section aria-labelledby="sso-title" className="admin-sso">
          <h2 id="sso-title">Or use your company account</h2>
          <SsoButton name={sso.name} callbackUrl={callbackUrl} />
        </section>
      )}
    </>
  );
}
