import { sayEach } from '@/lib/i18n/say-phrases';
import type { Phrase } from '@/lib/universal/i18n/phrase';
import type { Translator } from '@/lib/universal/i18n/translator';

/**
 * A refusal's notices on the status page, the same sentences as the decision email
 * (lib/requests/notice-rules.ts), in the page's language: the requester finds the basis and their
 * recourse here too. A notice bound to another language (Quebec's, in French) is marked with it.
 */
export function DecisionNotices({ t, notices, partial }: { t: Translator; notices: Phrase[]; partial: boolean }) {
  return (
    <section aria-labelledby="decision-notices">
      <h2 id="decision-notices">{t(partial ? 'status.notices.partial' : 'status.notices.denied')}</h2>
      {sayEach(t.locale, notices).map((notice) => (
        <p key={notice.text} lang={notice.lang === t.locale ? undefined : notice.lang}>
          {notice.text}
        </p>
      ))}
    </section>
  );
}
