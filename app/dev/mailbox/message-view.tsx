/** Web addresses in a plain-text email, each once, in order. */
export function linksIn(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"'()[\]]+/g) ?? [];
  return [...new Set(found.map((url) => url.replace(/[.,;:!?]+$/, '')))];
}

/** Links in the HTML open in the top window instead of inside the small frame. */
function withTopTargetBase(html: string): string {
  const base = '<base target="_top">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head([^>]*)>/i, `<head$1>${base}`) : base + html;
}

type Message = { id: string; to: string; subject: string; html: string; text: string; createdAt: Date };

/**
 * One delivered message: its HTML in a sandboxed frame (no scripts, no same-origin access; links
 * may open on a click), its text version, and the links the text holds as ordinary links.
 */
export function MessageView({ message }: { message: Message }) {
  const links = linksIn(message.text);
  return (
    <article aria-labelledby="message-subject">
      <h2 id="message-subject">{message.subject}</h2>
      <p className="hint">
        To {message.to} · <time dateTime={message.createdAt.toISOString()}>{message.createdAt.toUTCString()}</time>
      </p>
      <iframe
        className="mailbox__frame"
        title={`Email: ${message.subject}`}
        sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
        srcDoc={withTopTargetBase(message.html)}
      />
      <h3>Links in this message</h3>
      {links.length ? (
        <ul className="mailbox__links">
          {links.map((url) => (
            <li key={url}>
              <a href={url}>{url}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>None.</p>
      )}
      <h3>Plain text version</h3>
      <pre>{message.text}</pre>
    </article>
  );
}
