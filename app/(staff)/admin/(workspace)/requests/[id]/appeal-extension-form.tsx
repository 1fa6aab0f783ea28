'use client';

import { extendAppealAction } from '../../../actions';
import { ActionButton, ActionFeedback, TextAreaField, fieldErrors, useStaffForms } from '../../../staff-form';

/**
 * Takes the regime's one extension of an appeal's decision period (Colorado: 60 more days), with the
 * reasons the requester receives. Shown only where the rules allow it; the server checks again.
 */
export function AppealExtensionForm({
  requestId,
  appealId,
  extensionLabel,
}: {
  requestId: string;
  appealId: string;
  extensionLabel: string;
}) {
  const form = useStaffForms({ extendAppeal: extendAppealAction });
  return (
    <form method="post" onSubmit={form.onSubmit} className="admin-action-form" noValidate>
      <ActionFeedback outcome={form.outcome} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="appealId" value={appealId} />
      <TextAreaField
        id={`appeal-extension-reason-${appealId}`}
        name="reason"
        label={`Reasons for extending the decision by ${extensionLabel}, sent to the requester`}
        rows={3}
        maxLength={2000}
        errors={fieldErrors(form.outcome, 'extendAppeal', 'reason')}
      />
      <ActionButton intent="extendAppeal" form={form} pendingLabel="Extending…">
        Extend the appeal
      </ActionButton>
    </form>
  );
}
