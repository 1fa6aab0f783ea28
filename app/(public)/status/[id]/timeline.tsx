import { formatPublicDate } from '@/lib/email/public-links';

/** What has happened so far, oldest first, dated in the request's legal time zone. */
export function Timeline({ events, timeZone }: { events: { at: string; summary: string }[]; timeZone: string }) {
  if (events.length === 0) return <p>Nothing has happened yet.</p>;
  return (
    <ol className="timeline">
      {events.map((event, index) => (
        <li key={`${event.at}-${index}`}>
          <time dateTime={event.at}>{formatPublicDate(new Date(event.at), timeZone)}</time>
          {event.summary}
        </li>
      ))}
    </ol>
  );
}
