import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { devMailboxEnabled, listDevMailbox } from '@/lib/email/dev-mailbox';
import { MessageView } from './message-view';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Development mailbox',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

/** What the `dev` email transport "sent": only while no real email provider is configured. */
export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<{ id?: string | string[] }> }) {
  if (!devMailboxEnabled()) notFound();
  const { id } = await searchParams;
  const selectedId = Array.isArray(id) ? id[0] : id;
  const messages = await listDevMailbox();
  const selected = messages.find((m) => m.id === selectedId);

  return (
    <>
      <h1>Development mailbox</h1>
      <p>
        Emails the app would have sent, newest first. No email provider is configured, so nothing left this machine.
      </p>
      {messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <div className="mailbox">
          <nav aria-label="Messages">
            <ul className="mailbox__list">
              {messages.map((message) => (
                <li key={message.id}>
                  <a
                    href={`/dev/mailbox?id=${message.id}`}
                    aria-current={message.id === selected?.id ? 'true' : undefined}
                  >
                    {message.subject}
                    <span className="mailbox__meta">
                      To {message.to} ·{' '}
                      <time dateTime={message.createdAt.toISOString()}>{timeFormat.format(message.createdAt)}</time>
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div>{selected ? <MessageView message={selected} /> : <p>Choose a message to read it.</p>}</div>
        </div>
      )}
    </>
  );
}
