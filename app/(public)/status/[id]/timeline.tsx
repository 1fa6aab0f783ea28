import { publicDate } from '@/app/components/page-locale';
import { type Phrase, say } from '@/lib/universal/i18n/phrase';
import type { Translator } from '@/lib/universal/i18n/translator';

/**
 * What has happened so far, oldest first, dated in the request's legal time zone. Each event is worded
 * in the requester's language from its phrase (lib/requests/timeline-phrases.ts: the catalog's words,
 * with the dates, types and names the event keeps); an event the catalog does not word yet shows its
 * English audit summary, marked so.
 */
export function Timeline({
  t,
  events,
  timeZone,
}: {
  t: Translator;
  events: { at: string; summary: string; phrase: Phrase | null }[];
  timeZone: string;
}) {
  if (events.length === 0) return <p>{t('status.timeline.empty')}</p>;
  return (
    <ol className="timeline">
      {events.map((event, index) => (
        <li key={`${event.at}-${index}`}>
          <time dateTime={event.at}>{publicDate(t, event.at, timeZone)}</time>
          {event.phrase ? say(t, event.phrase) : <span lang="en">{event.summary}</span>}
        </li>
      ))}
    </ol>
  );
}
