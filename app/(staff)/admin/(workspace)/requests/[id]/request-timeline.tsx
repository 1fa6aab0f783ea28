import type { RequestDetail } from '@/lib/requests/staff/get-request-detail';
import { staffTimeZone } from '@/lib/clock/request-deadline';
import { eventLabel, formatInstant } from '../../../labels';

type Entry = { key: string; at: Date; kind: 'event' | 'note' | 'message' | 'email'; body: React.ReactNode };

const EMAIL_STATES = { pending: 'Waiting to be sent', sent: 'Sent', failed: 'Failed permanently' } as const;

/**
 * Everything that happened to the request, oldest first: audit events, staff notes, messages to and
 * from the requester, and each email with its delivery state (so a bounced decision is visible).
 */
export function RequestTimeline({ detail, showNotes }: { detail: RequestDetail; showNotes: boolean }) {
  const entries: Entry[] = [
    // With notes visible, the note itself says more than its "note added" event.
    ...detail.timeline
      .filter((e) => !(showNotes && e.action === 'note.added'))
      .map(
        (e): Entry => ({
          key: `event-${e.id}`,
          at: e.at,
          kind: 'event',
          body: (
            <>
              <strong>{eventLabel(e.action)}</strong> <span className="admin-muted">by {e.actor}</span>
              {e.summary && (
                <p className="admin-timeline__detail">
                  {e.public ? 'The requester sees: ' : ''}“{e.summary}”
                </p>
              )}
            </>
          ),
        }),
      ),
    ...detail.notes.map(
      (n): Entry => ({
        key: `note-${n.id}`,
        at: n.createdAt,
        kind: 'note',
        body: (
          <>
            <strong>Internal note</strong> <span className="admin-muted">by {n.author}</span>
            <p className="admin-timeline__text">{n.body}</p>
          </>
        ),
      }),
    ),
    ...detail.messages.map(
      (m): Entry => ({
        key: `message-${m.id}`,
        at: m.createdAt,
        kind: 'message',
        body: (
          <>
            <strong>{m.direction === 'to_requester' ? 'Message to the requester' : 'Reply from the requester'}</strong>
            <p className="admin-timeline__text">{m.body}</p>
          </>
        ),
      }),
    ),
    ...detail.emails.map(
      (e): Entry => ({
        key: `email-${e.id}`,
        at: e.createdAt,
        kind: 'email',
        body: (
          <>
            <strong>Email: {e.subject}</strong>{' '}
            <span className={`admin-badge admin-badge--email-${e.status}`}>{EMAIL_STATES[e.status]}</span>
            <p className="admin-timeline__detail">
              {e.status === 'sent' && e.sentAt ? `Sent ${formatInstant(e.sentAt, staffTimeZone(detail))}. ` : ''}
              {e.attempts} attempt{e.attempts === 1 ? '' : 's'}.{' '}
              {e.status === 'failed' && e.lastError ? `Last error: ${e.lastError}` : ''}
              {e.status === 'pending' && e.lastError ? `Retrying after: ${e.lastError}` : ''}
            </p>
          </>
        ),
      }),
    ),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  return (
    <ol className="admin-timeline">
      {entries.map((entry) => (
        <li key={entry.key} className={`admin-timeline__${entry.kind}`}>
          <time dateTime={entry.at.toISOString()}>{formatInstant(entry.at, staffTimeZone(detail))}</time>
          <div>{entry.body}</div>
        </li>
      ))}
    </ol>
  );
}
