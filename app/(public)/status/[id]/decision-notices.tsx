import type { Translator } from '@/lib/universal/i18n/translator';

/**
 * A refusal's notices on the status page, the same sentences as the decision email
 * (lib/requests/notice-rules.ts): the requester finds the basis and their recourse here too. The
 * notices are written in English (the regimes' rules), and marked so for the page's other languages.
 */
export function DecisionNotices({ t, notices, partial }: { t: Translator; notices: string[]; partial: boolean }) {
  return (
    <section aria-labelledby="decision-notices">
      <h2 id="decision-notices">{t(partial ? 'status.notices.partial' : 'status.notices.denied')}</h2>
      {notices.map((notice) => (
        <p key={notice} lang="en">
          {notice}
        </p>
      ))}
    </section>
  );
}
