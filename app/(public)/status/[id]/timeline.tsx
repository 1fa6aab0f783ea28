import { publicDate } from '@/app/components/page-locale';
import { translatorFor } from '@/lib/i18n/catalogs';
import type { Translator } from '@/lib/universal/i18n/translator';

/**
 * What has happened so far, oldest first, dated in the request's legal time zone. Each event is its
 * audit summary, in the requester's language where the catalog words its action (`timeline.<action>`).
 */
export function Timeline({
  t,
  events,
  timeZone,
}: {
  t: Translator;
  events: { at: string; summary: string; action?: string }[];
  timeZone: string;
}) {
  if (events.length === 0) return <p>{t('status.timeline.empty')}</p>;
  return (
    <ol className="timeline">
      {events.map((event, index) => {
        const key = `timeline.${event.action}`;
        // The same action can be summed up differently (an opt-out's receipt): only the summary the
        // catalog words in English is translated.
        const known = t.has(key) && translatorFor('en')(key) === event.summary;
        return (
          <li key={`${event.at}-${index}`}>
            <time dateTime={event.at}>{publicDate(t, event.at, timeZone)}</time>
            {/* A summary with its own dates or names is not in the catalogs yet: English, and marked so. */}
            {known ? t(key) : <span lang="en">{event.summary}</span>}
          </li>
        );
      })}
    </ol>
  );
}
