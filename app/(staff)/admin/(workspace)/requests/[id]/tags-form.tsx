'use client';

import { addTagAction, removeTagAction } from '../../../actions';
import { ActionButton, ActionFeedback, TextField, fieldErrors, useStaffForms } from '../../../staff-form';

/**
 * The request's tags with a remove button each (one form: the button clicked names the tag), and a
 * field to add one. Like the page's other action forms they post through their script: the request
 * page keeps the workspace's `no-referrer`, under which a server action posted without script is
 * refused (docs/security.md T7), so their buttons wait for hydration.
 */
export function TagsForm({ requestId, tags }: { requestId: string; tags: string[] }) {
  const form = useStaffForms({ untag: removeTagAction, tag: addTagAction });
  return (
    <>
      <ActionFeedback outcome={form.outcome} />
      {tags.length === 0 ? (
        <p className="admin-muted">No tags yet.</p>
      ) : (
        <form method="post" onSubmit={form.onSubmit} data-intent="untag" aria-label="Tags" noValidate>
          <input type="hidden" name="requestId" value={requestId} />
          <ul className="admin-plain-list">
            {tags.map((tag) => (
              <li key={tag}>
                <span className="admin-badge">{tag}</span>{' '}
                <button
                  type="submit"
                  name="tag"
                  value={tag}
                  className="admin-button admin-button--secondary"
                  aria-label={`Remove tag ${tag}`}
                  disabled={form.pending}
                >
                  {form.running('untag') ? 'Removing…' : 'Remove'}
                </button>
              </li>
            ))}
          </ul>
        </form>
      )}
      <form method="post" onSubmit={form.onSubmit} className="admin-action-form" aria-label="Add a tag" noValidate>
        <input type="hidden" name="requestId" value={requestId} />
        <TextField
          id="tag-new"
          name="tag"
          label="Tag"
          hint="Lowercase letters, digits and hyphens, such as vip or media-inquiry. Assignment rules can match tags."
          errors={fieldErrors(form.outcome, 'tag', 'tag')}
        />
        <ActionButton intent="tag" form={form} variant="secondary" pendingLabel="Adding…">
          Add tag
        </ActionButton>
      </form>
    </>
  );
}
