/** What each right means, in plain words, following the privacy policy's "Your choices and rights". */
export function RightsIntro({
  companyName,
  sellsOrShares,
  verificationLifetime,
}: {
  companyName: string;
  /** SELLS_OR_SHARES_PERSONAL_INFORMATION. */
  sellsOrShares: boolean;
  /** How long the confirmation link works, in words ("10 days"). */
  verificationLifetime: string;
}) {
  return (
    <>
      <p className="lead">
        Use this page to ask {companyName} about the personal information we hold about you: your account details,
        billing and support contacts, the messages you sent us, and the usage and log data our services record.
      </p>
      <h2>Your rights</h2>
      <p>Depending on where you live, you can ask us to:</p>
      <ul className="rights">
        <li>
          <strong>Access</strong> — tell you what personal information we hold about you, what we use it for and who we
          share it with, and give you a copy.
        </li>
        <li>
          <strong>Correct</strong> — fix information that is wrong or incomplete, such as your name, email address or
          organization.
        </li>
        <li>
          <strong>Delete</strong> — erase your personal information. We may have to keep some records, such as billing
          records, where the law requires it; if so, we will tell you which and why.
        </li>
        <li>
          <strong>Export</strong> — give you the information you provided in a machine-readable file, so you can take it
          to another service.
        </li>
        <li>
          <strong>Restrict</strong> — limit how we use your information, for example while we check a correction.
        </li>
        <li>
          <strong>Object</strong> — stop using your information for a purpose you object to, such as analytics, unless
          we have compelling legitimate grounds.
        </li>
        <li>
          <strong>Unsubscribe</strong> — stop sending you product updates and similar marketing messages.
        </li>
        <li>
          <strong>Opt out of sale or sharing</strong> (US residents) — never sell your personal information or share it
          for cross-context behavioural advertising.{' '}
          {sellsOrShares
            ? null
            : `${companyName} does not sell or share personal information today; your opt-out is recorded and applies if that ever changes.`}
        </li>
        <li>
          <strong>Limit the use of sensitive information</strong> (California residents) — use information such as your
          account sign-in only as the law allows.
        </li>
      </ul>
      <h2>How it works</h2>
      <ol>
        <li>Fill in the form below. You can ask for more than one thing at once.</li>
        <li>
          We email you a link to confirm the request. The link works for {verificationLifetime}. We start once you
          confirm.
        </li>
        <li>
          We answer within the time the law where you live allows. A status page, linked from our email, shows the date
          and what has happened so far.
        </li>
      </ol>
    </>
  );
}
