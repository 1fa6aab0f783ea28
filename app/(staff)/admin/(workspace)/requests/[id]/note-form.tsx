'use client';

import { addNoteAction } from '../../../actions';
import { ActionButton, ActionFeedback, TextAreaField, fieldErrors, useStaffForms } from '../../../staff-form';

/** An internal note: staff only, never shown to the requester. */
export function NoteForm({ requestId }: { requestId: string }) {
  const form = useStaffForms({ note: addNoteAction });
  return (
    <form method="post" onSubmit={form.onSubmit} className="admin-action-form" noValidate>
      <ActionFeedback outcome={form.outcome} />
      <input type="hidden" name="requestId" value={requestId} />
      <TextAreaField
        id="note-body"
        name="body"
        label="Add a note"
        hint="Only staff see notes."
        rows={3}
        errors={fieldErrors(form.outcome, 'note', 'body')}
      />
      <ActionButton intent="note" form={form} variant="secondary" pendingLabel="Adding…">
        Add note
      </ActionButton>
    </form>
  );
}
