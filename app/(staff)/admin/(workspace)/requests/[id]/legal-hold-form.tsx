'use client';

import { liftLegalHoldAction, placeLegalHoldAction } from '../../../actions';
import { ActionButton, ActionFeedback, TextAreaField, fieldErrors, useStaffForms } from '../../../staff-form';

/** Admins: place or lift a legal hold, which stops the retention purge of this request. */
export function LegalHoldForm({ requestId, held }: { requestId: string; held: boolean }) {
  const form = useStaffForms({ hold: placeLegalHoldAction, lift: liftLegalHoldAction });
  return (
    <form method="post" onSubmit={form.onSubmit} className="admin-action-form" noValidate>
      <ActionFeedback outcome={form.outcome} />
      <input type="hidden" name="requestId" value={requestId} />
      {held ? (
        <ActionButton intent="lift" form={form} variant="secondary" pendingLabel="Lifting…">
          Lift the legal hold
        </ActionButton>
      ) : (
        <>
          <TextAreaField
            id="hold-reason"
            name="reason"
            label="Reason for a legal hold"
            hint="Recorded in the audit log."
            rows={2}
            maxLength={1000}
            errors={fieldErrors(form.outcome, 'hold', 'reason')}
          />
          <ActionButton intent="hold" form={form} variant="secondary" pendingLabel="Placing…">
            Place a legal hold
          </ActionButton>
        </>
      )}
    </form>
  );
}
