'use client';

import { addTagAction, removeTagAction } from '../../../actions';
import { ActionButton, ActionFeedback, TextField, fieldErrors, useStaffForms } from '../../../staff-form';

/** The request's tags, each with its remove button, and a field to add one. */
export function TagsForm({ requestId, tags }: { requestId: string; tags: string[] }) {
  const form = useStaffForms({ tag: addTagAction, untag: removeTagAction });
  return (
    <>
      <ActionFeedback outcome={form.outcome} />
      {tags.length > 0 && (
        <ul className="admin-plain-list" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag}>
              <form method="post" onSubmit={form.onSubmit} className="admin-action-form" noValidate>
                <input type="hidden" name="requestId" value={requestId} />
                <input type="hidden" name="tag" value={tag} />
                <span className="admin-tag">{tag}</span>{' '}
                <ActionButton intent="untag" form={form} variant="secondary" pendingLabel="Removing…">
                  Remove<span className="visually-hidden"> tag {tag}</span>
                </ActionButton>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" onSubmit={form.onSubmit} className="admin-action-form" noValidate>
        <input type="hidden" name="requestId" value={requestId} />
        <TextField
          id="tag-new"
          name="tag"
          label="Add a tag"
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
