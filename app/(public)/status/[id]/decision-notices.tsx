/**
 * A refusal's notices on the status page, the same sentences as the decision email
 * (lib/requests/notice-rules.ts): the requester finds the basis and their recourse here too.
 */
export function DecisionNotices({ notices, partial }: { notices: string[]; partial: boolean }) {
  return (
    <section aria-labelledby="decision-notices">
      <h2 id="decision-notices">{partial ? 'What we could not do, and your options' : 'Why, and your options'}</h2>
      {notices.map((notice) => (
        <p key={notice}>{notice}</p>
      ))}
    </section>
  );
}
