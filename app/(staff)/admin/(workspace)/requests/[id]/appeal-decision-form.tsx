'use client';

import { decideAppealAction } from '../../../actions';
import {
  ActionButton,
  ActionFeedback,
  SelectField,
  TextAreaField,
  fieldErrors,
  useStaffForms,
} from '../../../staff-form';

const OUTCOMES = [
  { value: 'rejected', label: 'Reject: the decision stands' },
  { value: 'granted', label: 'Grant: reverse the decision and reopen the request' },
];

/**
 * An admin other than the one who decided the request decides the appeal. It stays mounted once the
 * appeal is decided so that the result stays on screen when the fields go.
 */
export function AppealDecisionForm({
  requestId,
  appealId,
  decided,
}: {
  requestId: string;
  appealId: string;
  decided: boolean;
}) {
  const form = useStaffForms({ decideAppeal: decideAppealAction });
  if (decided) return <ActionFeedback outcome={form.outcome} />;
  return (
    <form method="post" onSubmit={form.onSubmit} className="admin-action-form" noValidate>
      <ActionFeedback outcome={form.outcome} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="appealId" value={appealId} />
      <SelectField
        id="appeal-outcome"
        name="outcome"
        label="Outcome"
        options={OUTCOMES}
        placeholder="Choose the outcome"
        errors={fieldErrors(form.outcome, 'decideAppeal', 'outcome')}
      />
      <TextAreaField
        id="appeal-message"
        name="message"
        label="Reasons sent to the requester"
        rows={4}
        maxLength={10_000}
        errors={fieldErrors(form.outcome, 'decideAppeal', 'message')}
      />
      <ActionButton intent="decideAppeal" form={form} pendingLabel="Sending…">
        Decide the appeal
      </ActionButton>
    </form>
  );
}
