'use client';

import { resolveComplaintAction } from '../../complaint-actions';
import { ActionButton, ActionFeedback, TextAreaField, fieldErrors, useStaffForms } from '../../staff-form';

/**
 * Staff write the outcome the complainant receives by email (UK DPA 2018 s.164A(4)(b)). It stays
 * mounted once the complaint is answered so that the result stays on screen when the fields go.
 */
export function ResolveComplaintForm({ complaintId, resolved }: { complaintId: string; resolved: boolean }) {
  const form = useStaffForms({ resolveComplaint: resolveComplaintAction });
  const p = `complaint-${complaintId.slice(0, 8)}`;
  if (resolved) return <ActionFeedback outcome={form.outcome} />;
  return (
    <form method="post" onSubmit={form.onSubmit} className="admin-action-form" noValidate>
      <ActionFeedback outcome={form.outcome} />
      <input type="hidden" name="complaintId" value={complaintId} />
      <TextAreaField
        id={`${p}-message`}
        name="message"
        label="Outcome sent to the complainant"
        rows={4}
        maxLength={10_000}
        errors={fieldErrors(form.outcome, 'resolveComplaint', 'message')}
      />
      <ActionButton intent="resolveComplaint" form={form} pendingLabel="Sending…">
        Send the outcome
      </ActionButton>
    </form>
  );
}
