'use client';

/** Anything unexpected on a workspace page: the digest is the reference in the server log; the message never shows. */
export default function WorkspaceError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="admin-stack">
      <h1>Something went wrong</h1>
      <p>
        The page could not be shown. Try again; if it keeps happening, send the reference below to the team that runs
        this workspace.
      </p>
      {error.digest && (
        <p>
          Reference: <code>{error.digest}</code>
        </p>
      )}
      <p>
        <button type="button" className="admin-button admin-button--primary" onClick={reset}>
          Try again
        </button>{' '}
        <a href="/admin">Back to the queue</a>
      </p>
    </div>
  );
}
